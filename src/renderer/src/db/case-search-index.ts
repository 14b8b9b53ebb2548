import type { CaseRecord, CaseStatus, Requester } from '@core/case/index';
import { changeSearchText, type SearchFilters, type SearchText } from '@core/search/index';
import type { SlaState } from '@core/sla/index';
import { useSyncExternalStore } from 'react';
import { onTablesChanged } from './case-changes';
import { mirrorCases } from './case-mirror';
import {
  type LocalSearchCase,
  type LocalSearchResult,
  searchableTextsOf,
  searchLocalCases,
} from './local-case-search';
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
  /** The record and its search terms, for the full-text search (`search`). */
  search: LocalSearchCase;
}

export interface CaseSearchIndex {
  /** Resolves once every case has been loaded (searches before that see the cases so far). */
  readonly ready: Promise<void>;
  /** Cases whose number, title or requester name contains `query`, most recent first. */
  findCases(query: string, options?: { limit?: number; excludeId?: string }): CaseSearchEntry[];
  /** Earlier requesters whose name contains `query`, one per person and municipality. */
  findRequesters(query: string, limit?: number): Requester[];
  /**
   * Full-text search (core's stemmed, folded terms) over the cases held, with the filters;
   * comments and attachment names are found once the events holding them have been read.
   */
  search(
    query: string,
    filters: SearchFilters,
    options: {
      staff: boolean;
      slaOf: (record: CaseRecord) => SlaState | null;
      limit?: number;
      offset?: number;
    },
  ): LocalSearchResult;
  /** Called after the index changed (loaded further, a case written or deleted). */
  subscribe(listener: () => void): () => void;
  /** Goes up by one at every change (a snapshot for `useSyncExternalStore`). */
  version(): number;
  stop(): void;
}

/** Queries shorter than this find nothing (too many matches to be of use). */
export const MIN_QUERY_LENGTH = 2;
const LOAD_PAGE = 2_000;

/** The record as searched: the shown case without the local bookkeeping. */
function searchedRecord(c: LocalCase): CaseRecord {
  const {
    pendingCount: _p,
    rejectedCount: _r,
    provisionalNumber: _n,
    server: _s,
    serverIsShown: _i,
    ...record
  } = c;
  return record;
}

export function searchEntryOf(c: LocalCase, events?: readonly SearchText[]): CaseSearchEntry {
  const number = c.number ?? c.provisionalNumber ?? '';
  const record = searchedRecord(c);
  return {
    search: {
      record,
      texts: searchableTextsOf(record, events, c.provisionalNumber),
      ...(events ? { events } : {}),
    },
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
  /** Comments and attachment names by case, read from the stored events. */
  const eventTexts = new Map<string, SearchText[]>();
  const notify = () => {
    version += 1;
    for (const listener of listeners) listener();
  };
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
    entryOf: (c) => searchEntryOf(c, eventTexts.get(c.id)),
    onUpdated: notify,
  });
  const byId = mirror.entries as Map<string, CaseSearchEntry>;

  // Events are only ever added (event-log.ts): read the chunks after the last one read, at the
  // start and whenever chunks are written, and fold their comments into the cases' terms.
  let lastChunk = 0;
  let stopped = false;
  let reading: Promise<void> | null = null;
  let again = false;
  const seenEvents = new Set<string>();
  async function readNewChunks(): Promise<void> {
    for (;;) {
      const chunks = await db.eventChunks.where(':id').above(lastChunk).limit(pageSize).toArray();
      if (stopped || chunks.length === 0) return;
      const touched = new Set<string>();
      for (const chunk of chunks) {
        lastChunk = Math.max(lastChunk, chunk.id ?? 0);
        if (chunk.kind !== 'case') continue;
        for (const event of chunk.events) {
          const text = changeSearchText(event.change);
          if (!text || seenEvents.has(event.id)) continue;
          seenEvents.add(event.id);
          eventTexts.set(event.caseId, [...(eventTexts.get(event.caseId) ?? []), text]);
          touched.add(event.caseId);
        }
      }
      for (const id of touched) {
        const entry = byId.get(id);
        const events = eventTexts.get(id);
        if (!entry || !events) continue;
        entry.search = {
          ...entry.search,
          texts: searchableTextsOf(entry.search.record, events, null),
          events,
        };
      }
      if (touched.size > 0) notify();
    }
  }
  const readEvents = () => {
    if (reading) {
      again = true;
      return;
    }
    reading = readNewChunks().finally(() => {
      reading = null;
      if (again && !stopped) {
        again = false;
        readEvents();
      }
    });
  };
  void mirror.ready.then(readEvents);
  const stopEvents = onTablesChanged(db, ['eventChunks'], readEvents);

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
    search(query, filters, options) {
      return searchLocalCases(
        (function* () {
          for (const entry of byId.values()) yield entry.search;
        })(),
        query,
        filters,
        options,
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    stop() {
      stopped = true;
      stopEvents();
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
