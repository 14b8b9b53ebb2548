import { liveQuery } from 'dexie';
import type { CaseRecord } from '../../../core/case/index';
import {
  type FieldConflict,
  type LiveEvent,
  type MutationResult,
  maxMutationsPerPush,
  type PullResponse,
} from '../../../core/sync/index';
import { countPending, rebuildCase } from '../db/case-repository';
import type { ConflictRecord, OutboxItem } from '../db/local-records';
import { readSyncState, type SaksbordDb } from '../db/saksbord-db';
import { createSyncStatusStore, type SyncStatusStore } from './sync-status';
import { type SyncTransport, TransportError } from './sync-transport';

/** Runs `fn` after `ms`; returns a function that cancels it. (A timer, injected for tests.) */
export type Schedule = (fn: () => void, ms: number) => () => void;

export interface SyncEngineOptions {
  db: SaksbordDb;
  transport: SyncTransport;
  deviceId: string;
  now: () => Date;
  /** In [0, 1); jitter for the backoff. Seeded in tests. */
  random: () => number;
  schedule: Schedule;
  /** A case was created as or raised to critical (from the live stream): alert at once. */
  onCritical?: (record: CaseRecord) => void;
  /** Mutations per push (at most the protocol's 500). */
  pushBatchSize?: number;
  /** Events per pull page. */
  pullLimit?: number;
  /** Backoff after a failed attempt: base, doubled per failure, capped; equal jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Pull this often even without live events (the stream may be down); 0 = never. */
  pollIntervalMs?: number;
  /** Push soon after a local change (delay to gather a burst of edits into one push). */
  pushDelayMs?: number;
}

export interface SyncEngine {
  /** Live status for the UI. */
  readonly status: SyncStatusStore;
  /** Recovers after a crash (`sending` → `pending`), listens to live events and syncs. */
  start(): Promise<void>;
  /** Stops timers and the live stream; a running request finishes. */
  stop(): Promise<void>;
  /** Pushes the outbox and pulls until up to date; resolves when done (or failed and scheduled). */
  syncNow(): Promise<void>;
  /** The OS says the network is up or down; while down nothing is attempted. */
  setNetworkAvailable(available: boolean): void;
}

/**
 * The sync engine: pushes the outbox in batches, pulls by cursor in pages, applies server
 * changes in transactions with local edits rebased on top, and keeps every decision of the
 * server (conflicts, rejections) for the user. All its state lives in IndexedDB, so it
 * resumes after a restart where it stopped.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport, now, random, schedule } = options;
  const batchSize = Math.min(options.pushBatchSize ?? maxMutationsPerPush, maxMutationsPerPush);
  const pullLimit = options.pullLimit ?? 1_000;
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const retryMaxMs = options.retryMaxMs ?? 5 * 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 60_000;
  const pushDelayMs = options.pushDelayMs ?? 200;
  const status = createSyncStatusStore();

  let started = false;
  let networkAvailable = true;
  let failures = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let cancelTimer: (() => void) | null = null;
  let unsubscribeLive: (() => void) | null = null;
  let unsubscribeCounts: (() => void) | null = null;
  let lastPending = 0;

  function setTimer(ms: number, fn: () => void): void {
    cancelTimer?.();
    cancelTimer = schedule(() => {
      cancelTimer = null;
      fn();
    }, ms);
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await cycle();
        } while (again && started && networkAvailable);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function cycle(): Promise<void> {
    if (!networkAvailable) {
      status.setState({ online: false });
      return;
    }
    cancelTimer?.();
    cancelTimer = null;
    status.setState({ syncing: true });
    const attemptAt = now().toISOString();
    try {
      await pushAll();
      await pullAll();
      failures = 0;
      await db.syncState.put({
        ...(await readSyncState(db)),
        lastAttemptAt: attemptAt,
        lastSuccessAt: now().toISOString(),
        lastError: null,
      });
      status.setState({
        online: true,
        syncing: false,
        lastSyncedAt: now().toISOString(),
        lastError: null,
        nextRetryAt: null,
        signInRequired: false,
      });
      if (started && pollIntervalMs > 0) setTimer(pollIntervalMs, () => void syncNow());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.syncState.put({
        ...(await readSyncState(db)),
        lastAttemptAt: attemptAt,
        lastError: message,
      });
      if (error instanceof TransportError && error.kind === 'unauthorized') {
        status.setState({ syncing: false, online: true, lastError: message, signInRequired: true });
        return;
      }
      failures += 1;
      const delay = backoffDelay(failures, retryBaseMs, retryMaxMs, random);
      status.setState({
        syncing: false,
        online: !(error instanceof TransportError && error.kind === 'network'),
        lastError: message,
        nextRetryAt: new Date(now().getTime() + delay).toISOString(),
      });
      if (started) setTimer(delay, () => void syncNow());
      if (!(error instanceof TransportError)) throw error;
    }
  }

  async function pushAll(): Promise<void> {
    for (;;) {
      const batch = await db.outbox
        .where('[state+order]')
        .between(['pending', 0], ['pending', Infinity])
        .limit(batchSize)
        .toArray();
      if (batch.length === 0) return;
      await pushBatch(batch);
    }
  }

  /** Pushes one batch; a refused batch is split until the refused mutation stands alone. */
  async function pushBatch(batch: OutboxItem[]): Promise<void> {
    const orders = batch.map((item) => item.order!);
    await db.outbox.where('order').anyOf(orders).modify({ state: 'sending' });
    let response: Awaited<ReturnType<SyncTransport['push']>>;
    try {
      response = await transport.push({
        deviceId: options.deviceId,
        mutations: batch.map((item) => item.mutation),
      });
    } catch (error) {
      const failure = error instanceof TransportError ? error : null;
      await db.transaction('rw', db.outbox, async () => {
        await db.outbox
          .where('order')
          .anyOf(orders)
          .modify((item) => {
            item.state = 'pending';
            item.attempts += 1;
            item.lastError = failure?.message ?? String(error);
          });
      });
      const splittable = failure?.kind === 'rejected' || failure?.kind === 'tooLarge';
      if (splittable && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await pushBatch(batch.slice(0, half));
        await pushBatch(batch.slice(half));
        return;
      }
      if (failure?.kind === 'rejected' && batch.length === 1) {
        await applyResults(batch, [
          {
            mutationId: batch[0]!.mutationId,
            status: 'rejected',
            seq: null,
            conflicts: [],
            reason: failure.reason ?? failure.message,
            rule: failure.rule,
          },
        ]);
        return;
      }
      throw error;
    }
    await applyResults(batch, response.results);
  }

  async function applyResults(batch: OutboxItem[], results: MutationResult[]): Promise<void> {
    const byId = new Map(results.map((r) => [r.mutationId, r]));
    const detectedAt = now().toISOString();
    await db.transaction('rw', [db.outbox, db.cases, db.conflicts], async () => {
      const touched = new Set<string>();
      for (const item of batch) {
        const result = byId.get(item.mutationId);
        const current = await db.outbox.get(item.order!);
        if (!current) continue;
        touched.add(item.caseId);
        if (!result) {
          // No answer for this one: push it again (idempotent).
          await db.outbox.update(item.order!, { state: 'pending' });
          continue;
        }
        if (result.conflicts.length > 0) {
          await db.conflicts.bulkPut(
            result.conflicts.map((c) => conflictRecord(item, c, detectedAt)),
          );
        }
        if (result.status === 'rejected') {
          await db.outbox.update(item.order!, {
            state: 'rejected',
            rejectionReason: result.reason ?? 'refused by the server',
            rejectionRule: result.rule,
            lastError: result.reason,
          });
        } else if (result.status === 'conflict' || result.seq === null) {
          // Nothing recorded: every field lost; the conflicts hold the user's values.
          await db.outbox.delete(item.order!);
        } else {
          const local = await db.cases.get(item.caseId);
          if (local?.server && local.server.version >= result.seq) {
            await db.outbox.delete(item.order!);
          } else {
            await db.outbox.update(item.order!, { state: 'acknowledged', seq: result.seq });
          }
        }
      }
      for (const caseId of touched) {
        const local = await db.cases.get(caseId);
        await rebuildCase(db, caseId, local?.server ?? null);
      }
    });
  }

  async function pullAll(): Promise<void> {
    for (;;) {
      const { cursor } = await readSyncState(db);
      const page = await transport.pull(cursor, pullLimit);
      await applyPage(page);
      if (!page.hasMore || page.cursor <= cursor) return;
    }
  }

  async function applyPage(page: PullResponse): Promise<void> {
    await db.transaction('rw', [db.cases, db.events, db.outbox, db.syncState], async () => {
      const state = await readSyncState(db);
      if (page.events.length > 0) await db.events.bulkPut(page.events);
      const rebuilt = new Set<string>();
      for (const record of page.cases) {
        const local = await db.cases.get(record.id);
        // Never go back in time: a record older than the one held (pages can overlap) is skipped.
        const server =
          local?.server && local.server.version > record.version ? local.server : record;
        await dropAcknowledged(record.id, server);
        await rebuildCase(db, record.id, server);
        rebuilt.add(record.id);
      }
      // Acknowledged mutations whose events this pull has passed (their cases may be out of
      // this user's sight now): the server holds them; stop showing them as local.
      const passed = await db.outbox
        .where('[state+order]')
        .between(['acknowledged', 0], ['acknowledged', Infinity])
        .filter((item) => item.seq !== null && item.seq <= page.cursor)
        .toArray();
      for (const item of passed) {
        await db.outbox.delete(item.order!);
        if (!rebuilt.has(item.caseId)) {
          const local = await db.cases.get(item.caseId);
          await rebuildCase(db, item.caseId, local?.server ?? null);
        }
      }
      await db.syncState.put({ ...state, cursor: Math.max(state.cursor, page.cursor) });
    });
  }

  async function dropAcknowledged(caseId: string, server: CaseRecord): Promise<void> {
    await db.outbox
      .where('caseId')
      .equals(caseId)
      .filter(
        (item) => item.state === 'acknowledged' && item.seq !== null && item.seq <= server.version,
      )
      .delete();
  }

  function onLiveEvent(event: LiveEvent): void {
    if (event.type === 'critical') options.onCritical?.(event.case);
    void readSyncState(db).then((state) => {
      if (event.cursor > state.cursor) void syncNow();
    });
  }

  async function refreshCounts(): Promise<void> {
    const [pendingCount, rejectedCount, openConflictCount] = await Promise.all([
      countPending(db),
      db.outbox.where('state').equals('rejected').count(),
      db.conflicts.where('state').equals('open').count(),
    ]);
    status.setState({ pendingCount, rejectedCount, openConflictCount });
  }

  return {
    status,

    async start() {
      if (started) return;
      started = true;
      // A crash or restart during a push leaves items `sending`; the server may or may not
      // have applied them, and pushing again is safe (idempotent by mutation id).
      await db.outbox.where('state').equals('sending').modify({ state: 'pending' });
      const state = await readSyncState(db);
      status.setState({ lastSyncedAt: state.lastSuccessAt, lastError: state.lastError });
      await refreshCounts();
      const counts = liveQuery(() =>
        Promise.all([
          countPending(db),
          db.outbox.where('state').equals('rejected').count(),
          db.conflicts.where('state').equals('open').count(),
        ]),
      ).subscribe({
        next: ([pendingCount, rejectedCount, openConflictCount]) => {
          status.setState({ pendingCount, rejectedCount, openConflictCount });
          // A new local edit: push soon (unless a retry after a failure is already waiting).
          if (pendingCount > lastPending && !running && failures === 0 && started) {
            setTimer(pushDelayMs, () => void syncNow());
          }
          lastPending = pendingCount;
        },
        error: () => {},
      });
      unsubscribeCounts = () => counts.unsubscribe();
      unsubscribeLive = transport.subscribe(onLiveEvent, (up) => {
        status.setState({ liveConnected: up });
        // Events may have been missed while the stream was down.
        if (up) void syncNow();
      });
      await syncNow();
    },

    async stop() {
      started = false;
      cancelTimer?.();
      cancelTimer = null;
      unsubscribeLive?.();
      unsubscribeLive = null;
      unsubscribeCounts?.();
      unsubscribeCounts = null;
      await running;
    },

    syncNow,

    setNetworkAvailable(available: boolean) {
      networkAvailable = available;
      if (!available) {
        status.setState({ online: false });
        return;
      }
      failures = 0;
      if (started) void syncNow();
    },
  };
}

/** Exponential backoff with equal jitter: half fixed, half random, capped. */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

function conflictRecord(item: OutboxItem, c: FieldConflict, detectedAt: string): ConflictRecord {
  return {
    // Deterministic, so the same answer received twice stores one record.
    id: `${item.mutationId}:${c.field}`,
    caseId: item.caseId,
    mutationId: item.mutationId,
    change: item.mutation.change,
    field: c.field,
    yourValue: c.yourValue,
    serverValue: c.serverValue,
    serverChangedBy: c.serverChangedBy,
    serverChangedAt: c.serverChangedAt,
    detectedAt,
    state: 'open',
  };
}
