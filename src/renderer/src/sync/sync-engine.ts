import type { CaseRecord } from '@core/case/index';
import { type LiveEvent, maxMutationsPerPush, type PullResponse } from '@core/sync/index';
import { liveQuery } from 'dexie';
import { countPending } from '../db/case-repository';
import type { OutboxItem } from '../db/local-records';
import { readSyncState, type SaksbordDb } from '../db/saksbord-db';
import { applyPullPage, applyPushResults } from './apply-server-changes';
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
  /** The server's shared settings (for example SLA targets) changed: fetch them again. */
  onSettingsChanged?: (key: string) => void;
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
      // The backoff timer decides when to try again, not a request to go round once more.
      again = false;
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
    // Read and written in bulk (a cursor `modify` costs a round trip per item in Chromium);
    // items signing out dropped meanwhile stay dropped.
    await db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.bulkGet(orders);
      const sending = current.filter((item) => item?.state === 'pending');
      await db.outbox.bulkPut(sending.map((item) => ({ ...item!, state: 'sending' as const })));
    });
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
        await applyPushResults(
          db,
          batch,
          [
            {
              mutationId: batch[0]!.mutationId,
              status: 'rejected',
              seq: null,
              conflicts: [],
              reason: failure.reason ?? failure.message,
              rule: failure.rule,
            },
          ],
          now(),
        );
        return;
      }
      throw error;
    }
    if (!response.results.some((r) => batch.some((i) => i.mutationId === r.mutationId))) {
      throw new TransportError('server', 'the server answered the push without results');
    }
    await applyPushResults(db, batch, response.results, now());
  }

  async function pullAll(): Promise<void> {
    let { cursor } = await readSyncState(db);
    let start = cursor;
    let next = transport.pull(cursor, pullLimit);
    try {
      for (;;) {
        const page = await next;
        const more = page.hasMore && page.cursor > cursor;
        if (more) {
          // Fetch the next page while this one is written to IndexedDB (pages may overlap:
          // applying never goes back in time). Its failure surfaces when it is awaited.
          next = transport.pull(page.cursor, pullLimit);
          next.catch(() => {});
        }
        if ((await applyPullPage(db, page, cursor)) === 'refetch') {
          // The server corrected records since this store pulled: fetch every case again.
          cursor = 0;
          start = 0;
          next = transport.pull(0, pullLimit);
          continue;
        }
        if (!more) return;
        // Shown only for pulls of several pages (a first sync, days offline).
        status.setState({ pullProgress: pullProgressOf(start, page) });
        cursor = page.cursor;
      }
    } finally {
      status.setState({ pullProgress: null });
    }
  }

  function onLiveEvent(event: LiveEvent): void {
    if (event.type === 'critical') options.onCritical?.(event.case);
    if (event.type === 'settingsChanged') options.onSettingsChanged?.(event.key);
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
          // During a running cycle (say, a pull after a live poke) ask it to go round once
          // more: its push may have read the outbox before this edit arrived.
          if (pendingCount > lastPending && failures === 0 && started) {
            if (running) again = true;
            else setTimer(pushDelayMs, () => void syncNow());
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
/**
 * How far a pull that started after `start` has come with this page, 0–1; null when the
 * server did not say its newest sequence.
 */
export function pullProgressOf(start: number, page: PullResponse): number | null {
  if (page.head === undefined || page.head <= start) return null;
  return Math.min(1, Math.max(0, (page.cursor - start) / (page.head - start)));
}

export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
