/// <reference lib="dom" />
/**
 * The browser side of the sync benchmark, bundled by esbuild (build-harness.ts) and loaded in
 * Chromium from each server's own origin. It drives the real renderer store and sync engine
 * (SaksbordDb, createCaseRepository, createSyncEngine, createHttpTransport) and, for
 * comparison, PouchDB's browser build with its IndexedDB adapter.
 */

import type { CaseChangeInput, Priority } from '@core/case/index';
import { pullResponseSchema } from '@core/sync/index';
import PouchDB from 'pouchdb-browser';
import { rebuildLocalCase } from '../../src/renderer/src/db/case-rebase';
import { createCaseRepository } from '../../src/renderer/src/db/case-repository';
import { appendEvents, countEvents } from '../../src/renderer/src/db/event-log';
import { readSyncState, SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { applyPullPage } from '../../src/renderer/src/sync/apply-server-changes';
import { createHttpTransport } from '../../src/renderer/src/sync/http-transport';
import { createSyncEngine, type SyncEngine } from '../../src/renderer/src/sync/sync-engine';
import type { SyncTransport } from '../../src/renderer/src/sync/sync-transport';
import type { SyncBenchApi } from './protocol';

const deviceId = 'bench-browser';

/** The transport, with the time spent inside each call added up. */
function timedTransport(inner: SyncTransport) {
  const spent = {
    pullMs: 0,
    pushMs: 0,
    pulls: 0,
    pushes: 0,
    pullStarts: [] as number[],
    /** Each request: kind, start, end (ms since the page loaded). */
    calls: [] as Array<[string, number, number]>,
  };
  const transport: SyncTransport = {
    async pull(after, limit) {
      const t = performance.now();
      spent.pullStarts.push(t);
      try {
        return await inner.pull(after, limit);
      } finally {
        spent.pullMs += performance.now() - t;
        spent.pulls += 1;
        spent.calls.push(['pull', t, performance.now()]);
      }
    },
    async push(request) {
      const t = performance.now();
      try {
        return await inner.push(request);
      } finally {
        spent.pushMs += performance.now() - t;
        spent.pushes += 1;
        spent.calls.push(['push', t, performance.now()]);
      }
    },
    subscribe: (onEvent, onConnection) => inner.subscribe(onEvent, onConnection),
  };
  return { transport, spent };
}

/** Requests and the local work between them, e.g. `local 80 · push 640 · local 310 · …`. */
function timeline(calls: Array<[string, number, number]>, start: number, end: number): string {
  const parts: string[] = [];
  let at = start;
  for (const [kind, from, to] of calls) {
    parts.push(`local ${Math.round(from - at)}`, `${kind} ${Math.round(to - from)}`);
    at = to;
  }
  parts.push(`local ${Math.round(end - at)}`);
  return parts.join(' · ');
}

let saksbord: {
  db: SaksbordDb;
  engine: SyncEngine;
  spent: ReturnType<typeof timedTransport>['spent'];
} | null = null;
let pouch: BenchPouchDB | null = null;

const priorities: Priority[] = ['low', 'medium', 'high'];

/** The i-th offline edit: comments and priority changes, alternately. */
function offlineEdit(i: number, currentPriority: Priority): CaseChangeInput {
  if (i % 2 === 0) {
    return {
      type: 'commented',
      commentId: crypto.randomUUID(),
      body: `Ringde brukaren tilbake (${i}); ventar på svar.`,
      visibility: 'internal',
    };
  }
  const next = priorities[(priorities.indexOf(currentPriority) + 1) % priorities.length]!;
  return { type: 'prioritySet', priority: next };
}

const api: SyncBenchApi = {
  async saksbordInitial({ token, head, pullLimit }) {
    const db = new SaksbordDb(`bench-${crypto.randomUUID()}`);
    await db.open();
    const { transport, spent } = timedTransport(
      createHttpTransport({ baseUrl: location.origin, getToken: () => token }),
    );
    const engine = createSyncEngine({
      db,
      transport,
      deviceId,
      now: () => new Date(),
      random: Math.random,
      schedule: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
      pollIntervalMs: 0,
      ...(pullLimit ? { pullLimit } : {}),
    });
    saksbord = { db, engine, spent };
    const start = performance.now();
    await engine.syncNow();
    const ms = performance.now() - start;
    const { lastError } = engine.status.getState();
    if (lastError) throw new Error(`sync failed: ${lastError}`);
    const { cursor } = await readSyncState(db);
    if (cursor < head) throw new Error(`sync stopped at cursor ${cursor}, server at ${head}`);
    return {
      ms,
      cursor,
      cases: await db.cases.count(),
      events: await countEvents(db),
      pages: spent.pulls,
      pullMs: spent.pullMs,
      pageMs: spent.pullStarts.slice(1).map((t, i) => Math.round(t - spent.pullStarts[i]!)),
    };
  },

  async saksbordOffline({ count, userId }) {
    if (!saksbord) throw new Error('run saksbordInitial first');
    const { db, engine, spent } = saksbord;
    const repo = createCaseRepository(db, {
      deviceId,
      getActor: () => ({ id: userId! }),
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    engine.setNetworkAvailable(false);
    const cases = (await db.cases.toArray())
      .sort((a, b) => (a.number ?? '').localeCompare(b.number ?? ''))
      .slice(0, count);
    const editStart = performance.now();
    for (const [i, c] of cases.entries()) {
      await repo.applyLocalChange(c.id, offlineEdit(i, c.priority));
    }
    const editMs = performance.now() - editStart;
    const pending = await repo.pendingCount();
    if (pending !== count) throw new Error(`${pending} changes waiting, expected ${count}`);

    spent.pullMs = 0;
    spent.pushMs = 0;
    spent.calls = [];
    const start = performance.now();
    engine.setNetworkAvailable(true);
    await engine.syncNow();
    const ms = performance.now() - start;
    const { lastError } = engine.status.getState();
    if (lastError) throw new Error(`sync failed: ${lastError}`);
    return {
      ms,
      editMs,
      left: await db.outbox.count(),
      rejected: await db.outbox.where('state').equals('rejected').count(),
      conflicts: await db.conflicts.count(),
      pushMs: spent.pushMs,
      pullMs: spent.pullMs,
      timeline: timeline(spent.calls, start, start + ms),
    };
  },

  async saksbordProfile({ token, pages: count }) {
    // A plain IndexedDB database: the same case indexes as SaksbordDb, and a store without any.
    const plain = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`bench-plain-${crypto.randomUUID()}`, 1);
      open.onupgradeneeded = () => {
        const cases = open.result.createObjectStore('cases', { keyPath: 'id' });
        for (const index of ['number', 'line', 'status', 'priority', 'assigneeId', 'updatedAt']) {
          cases.createIndex(index, index);
        }
        cases.createIndex('requester.municipalityId', 'requester.municipalityId');
        cases.createIndex('[line+status]', ['line', 'status']);
        cases.createIndex('pendingCount', 'pendingCount');
        open.result.createObjectStore('bare', { keyPath: 'id' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rawStorePut = (store: string, rows: readonly unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = plain.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const transport = createHttpTransport({ baseUrl: location.origin, getToken: () => token });
    const db = new SaksbordDb(`bench-profile-${crypto.randomUUID()}`);
    await db.open();
    const steps: Record<string, number> = {};
    const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await work();
      } finally {
        steps[name] = (steps[name] ?? 0) + performance.now() - t;
      }
    };
    let after = 0;
    for (let p = 0; p < count; p++) {
      const res = await time('fetch', () =>
        fetch(`${location.origin}/api/v1/sync/pull?after=${after}&limit=1000`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      const text = await time('body', () => res.text());
      const json = await time('JSON.parse', async () => JSON.parse(text));
      await time('zod', async () => pullResponseSchema.parse(json));
      const page = await time('transport.pull', () => transport.pull(after, 1000));
      const fresh = new SaksbordDb(`bench-profile-${crypto.randomUUID()}`);
      await fresh.open();
      await time('applyPullPage', () => applyPullPage(fresh, page));
      fresh.close();
      await time('appendEvents', () =>
        db.transaction('rw', db.eventChunks, () => appendEvents(db, page.events)),
      );
      const ids = page.cases.map((c) => c.id);
      await time('cases.bulkGet', () => db.transaction('r', db.cases, () => db.cases.bulkGet(ids)));
      await time('outbox.anyOf', () =>
        db.transaction('r', db.outbox, () => db.outbox.where('caseId').anyOf(ids).toArray()),
      );
      const locals = await time('rebuildLocalCase', async () =>
        page.cases.map((c) => rebuildLocalCase(c.id, c, [])!),
      );
      await time('cases.bulkPut', () =>
        db.transaction('rw', db.cases, () => db.cases.bulkPut(locals)),
      );
      const raw = new SaksbordDb(`bench-profile-${crypto.randomUUID()}`);
      await raw.open();
      const idb = raw.backendDB();
      const rawPut = (store: string, rows: readonly unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = idb.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const row of rows) os.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      await time('raw cases put', () => rawPut('cases', locals));
      raw.close();
      await time('raw cases put, no server copy', () =>
        rawStorePut(
          'cases',
          locals.map((c) => ({ ...c, server: null })),
        ),
      );
      await time('raw cases put, no indexes', () => rawStorePut('bare', locals));
      await time('raw events put, no indexes', () => rawStorePut('bare', page.events));
      after = page.cursor;
    }
    return steps;
  },

  async pouchInitial({ remote, batchSize }) {
    pouch = new PouchDB(`bench-${crypto.randomUUID()}`);
    const start = performance.now();
    const result = await pouch.replicate.from(remote, batchSize ? { batch_size: batchSize } : {});
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(`replication failed: ${JSON.stringify(result.errors)}`);
    const info = await pouch.info();
    return { ms, docs: info.doc_count, written: result.docs_written };
  },

  async pouchOffline({ count, remote }) {
    if (!pouch) throw new Error('run pouchInitial first');
    const db = pouch;
    const pouchSeqBeforeEdits = (await db.info()).update_seq;
    const { rows } = await db.allDocs({ include_docs: true, limit: count });
    const editStart = performance.now();
    for (const [i, row] of rows.entries()) {
      const doc = row.doc!;
      const edit = offlineEdit(i, doc.priority as Priority);
      const at = new Date().toISOString();
      if (edit.type === 'commented') {
        const comments = (doc.comments as unknown[] | undefined) ?? [];
        doc.comments = [...comments, { id: edit.commentId, body: edit.body, at }];
      } else if (edit.type === 'prioritySet') {
        doc.priority = edit.priority;
      }
      doc.updatedAt = at;
      await db.put(doc);
    }
    const editMs = performance.now() - editStart;
    const start = performance.now();
    // A live sync's push side would be up to date with everything replicated in: start there.
    const result = await db.replicate.to(remote, { since: pouchSeqBeforeEdits });
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(`replication failed: ${JSON.stringify(result.errors)}`);
    return {
      ms,
      editMs,
      left: count - result.docs_written,
      rejected: result.doc_write_failures,
      conflicts: 0,
      written: result.docs_written,
    };
  },
};

(globalThis as unknown as { syncBench: SyncBenchApi }).syncBench = api;
document.title = 'sync bench ready';
