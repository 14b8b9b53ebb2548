import type { CaseStatus, Requester } from '@core/case/index';
import { useSyncExternalStore } from 'react';
import { mirrorCases } from './case-mirror';
import type { LocalCase } from './local-records';
import { findRequesters } from './requester-search';
import type { SaksbordDb } from './saksbord-db';

/**
 * Finding cases and earlier requesters by a few typed letters, over every case this client
 * holds (tens of thousands after a first sync).
 *
 * Why in memory: IndexedDB has no text search, a full scan of 50,000 cases takes about a
 * second in Chromium (too slow per keystroke), and a word index in IndexedDB would cost every
 * write of every case. So the searchable fields of each case (about 200 bytes) are loaded once,
 * in pages, and kept current from Dexie's change events; a query is a substring match over
 * them (a few milliseconds for 50,000).
 */
export interface CaseSearchEntry {
  id: string;
  /** Server number, else the provisional one. */
  number: string;
  title: string;
  status: CaseStatus;
  updatedAt: string;
  requester: Requester;
  /** Lower-case number, title and requester name: what a query is matched against. */
  haystack: string;
}

export interface CaseSearchIndex {
  /** Resolves once every case has been loaded (searches before that see the cases so far). */
  readonly ready: Promise<void>;
  /** Cases whose number, title or requester name contains `query`, most recent first. */
  findCases(query: string, options?: { limit?: number; excludeId?: string }): CaseSearchEntry[];
  /** Earlier requesters whose name contains `query`, one per person and municipality. */
  findRequesters(query: string, limit?: number): Requester[];
  /** Called after the index changed (loaded further, a case written or deleted). */
  subscribe(listener: () => void): () => void;
  /** Goes up by one at every change (a snapshot for `useSyncExternalStore`). */
  version(): number;
  stop(): void;
}

/** Queries shorter than this find nothing (too many matches to be of use). */
export const MIN_QUERY_LENGTH = 2;
const LOAD_PAGE = 2_000;

export function searchEntryOf(c: LocalCase): CaseSearchEntry {
  const number = c.number ?? c.provisionalNumber ?? '';
  return {
    id: c.id,
    number,
    title: c.title,
    status: c.status,
    updatedAt: c.updatedAt,
    requester: c.requester,
    haystack: `${number}\n${c.title}\n${c.requester.name}`.toLowerCase(),
  };
}

function normalise(query: string): string | null {
  const q = query.trim().toLowerCase();
  return q.length >= MIN_QUERY_LENGTH ? q : null;
}

const newestFirst = (a: CaseSearchEntry, b: CaseSearchEntry) =>
  b.updatedAt.localeCompare(a.updatedAt);

export function createCaseSearchIndex(
  db: SaksbordDb,
  { pageSize = LOAD_PAGE }: { pageSize?: number } = {},
): CaseSearchIndex {
  const listeners = new Set<() => void>();
  let version = 0;
  const mirror = mirrorCases(db, {
    /** Every case, a page at a time by primary key, so the full records never pile up. */
    async *loadAll() {
      let after: string | null = null;
      for (;;) {
        const page: LocalCase[] = await (after === null
          ? db.cases.orderBy(':id').limit(pageSize).toArray()
          : db.cases.where(':id').above(after).limit(pageSize).toArray());
        yield page;
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.id;
      }
    },
    entryOf: searchEntryOf,
    onUpdated: () => {
      version += 1;
      for (const listener of listeners) listener();
    },
  });
  const byId = mirror.entries;

  return {
    ready: mirror.ready,
    findCases(query, { limit = 8, excludeId } = {}) {
      const q = normalise(query);
      if (q === null) return [];
      const hits: CaseSearchEntry[] = [];
      for (const entry of byId.values()) {
        if (entry.id !== excludeId && entry.haystack.includes(q)) hits.push(entry);
      }
      return hits.sort(newestFirst).slice(0, limit);
    },
    findRequesters(query, limit = 8) {
      return findRequesters(byId.values(), query, limit);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    stop() {
      mirror.stop();
      listeners.clear();
    },
  };
}

const indexes = new WeakMap<SaksbordDb, CaseSearchIndex>();

/** The search index of a store, made (and loaded in the background) on first use. */
export function caseSearchIndexOf(db: SaksbordDb): CaseSearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = createCaseSearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** Stops the store's search index, if one was made (when the store closes at sign-out). */
export function releaseCaseSearchIndex(db: SaksbordDb): void {
  indexes.get(db)?.stop();
  indexes.delete(db);
}

/** The store's search index, re-rendering the component whenever the index changes. */
export function useCaseSearchIndex(db: SaksbordDb): CaseSearchIndex {
  const index = caseSearchIndexOf(db);
  useSyncExternalStore(index.subscribe, index.version);
  return index;
}
