import type { CaseRecord } from '@core/case/index';
import type { PushRequest } from '@core/sync/index';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemorySyncServer } from '../../../../tests/doubles/memory-server';
import { serverRecordOf } from '../db/case-rebase';
import { type CaseRepository, createCaseRepository } from '../db/case-repository';
import { countEvents } from '../db/event-log';
import { readSyncState, SaksbordDb } from '../db/saksbord-db';
import {
  createdChange,
  newCaseInput,
  sequentialIds,
  steppingClock,
  uniqueDbName,
} from '../db/test-fixtures';
import { applyPullPage } from './apply-server-changes';
import { backoffDelay, createSyncEngine, pullProgressOf, type SyncEngine } from './sync-engine';
import { type SyncTransport, TransportError } from './sync-transport';

/** Timers that run only when the test says so. */
function manualSchedule() {
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timers,
    schedule: (fn: () => void, ms: number) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    live: () => timers.filter((t) => !t.cancelled),
  };
}

let db: SaksbordDb;
let server: InMemorySyncServer;
let repo: CaseRepository;
let engine: SyncEngine;
let transport: SyncTransport;
let timers: ReturnType<typeof manualSchedule>;
let critical: CaseRecord[];

function makeEngine(overrides: Partial<Parameters<typeof createSyncEngine>[0]> = {}): SyncEngine {
  return createSyncEngine({
    db,
    transport,
    deviceId: 'device-1',
    now: steppingClock('2026-11-24T10:00:00Z'),
    random: () => 0.5,
    schedule: timers.schedule,
    onCritical: (c) => critical.push(c),
    pollIntervalMs: 0,
    retryBaseMs: 1_000,
    retryMaxMs: 60_000,
    ...overrides,
  });
}

beforeEach(() => {
  db = new SaksbordDb(uniqueDbName('engine'));
  server = new InMemorySyncServer();
  transport = server.transport();
  timers = manualSchedule();
  critical = [];
  repo = createCaseRepository(db, {
    deviceId: 'device-1',
    getActor: () => ({ id: 'agent-1' }),
    now: steppingClock(),
    newId: sequentialIds(1),
  });
  engine = makeEngine();
});
afterEach(async () => {
  await engine.stop();
  db.close();
  await Dexie.delete(db.name);
});

/** Creates a case on the server (as another device) and pulls it. */
async function serverCase(): Promise<string> {
  const id = sequentialIds(9)();
  server.serverChange(id, createdChange());
  await engine.syncNow();
  return id;
}

describe('pushing the outbox', () => {
  it('gives a case created offline its server number and empties the outbox', async () => {
    const id = await repo.createCase(newCaseInput);
    expect((await repo.caseById(id))?.provisionalNumber).toMatch(/^L-/);
    await engine.syncNow();
    expect(await repo.caseById(id)).toMatchObject({
      number: '2026-00001',
      provisionalNumber: null,
      pendingCount: 0,
      version: 1,
    });
    expect(await db.outbox.count()).toBe(0);
    expect(engine.status.getState()).toMatchObject({ online: true, lastError: null });
  });

  it.each([
    [5, 2, [2, 2, 1]],
    [3, 500, [3]],
  ])('pushes %i mutations in batches of %i: %j', async (count, size, sizes) => {
    engine = makeEngine({ pushBatchSize: size });
    const pushes: number[] = [];
    const push = transport.push;
    transport.push = (req: PushRequest) => {
      pushes.push(req.mutations.length);
      return push(req);
    };
    for (let i = 0; i < count; i++) await repo.createCase(newCaseInput);
    await engine.syncNow();
    expect(pushes).toEqual(sizes);
    expect(server.cases.size).toBe(count);
  });

  it('applies a mutation exactly once when the answer is lost after the server applied it', async () => {
    const id = await repo.createCase(newCaseInput);
    await repo.applyLocalChange(id, { type: 'prioritySet', priority: 'high' });
    const push = transport.push;
    transport.push = async (req) => {
      await push(req);
      throw new TransportError('network', 'connection reset');
    };
    await engine.syncNow();
    expect(server.events).toHaveLength(2);
    expect((await db.outbox.toArray()).map((i) => [i.state, i.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    transport.push = push;
    await engine.syncNow();
    expect(server.events).toHaveLength(2);
    expect(await repo.caseById(id)).toMatchObject({ priority: 'high', pendingCount: 0 });
  });

  it('reverts items left "sending" by a crash to "pending" at start, and pushes them', async () => {
    await repo.createCase(newCaseInput);
    await db.outbox.toCollection().modify({ state: 'sending' });
    await engine.start();
    expect(server.cases.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('rejections', () => {
  it('marks a refused mutation rejected with the reason, reverts the case, never retries', async () => {
    const id = await serverCase();
    server.refuse = (_r, change) =>
      change.type === 'escalated' ? 'escalation.reasonRequired' : null;
    await repo.applyLocalChange(id, { type: 'escalated', toLine: 2, reason: 'x' });
    expect((await repo.caseById(id))?.line).toBe(2);
    await engine.syncNow();
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ state: 'rejected', rejectionRule: 'escalation.reasonRequired' });
    expect(await repo.caseById(id)).toMatchObject({ line: 1, pendingCount: 0, rejectedCount: 1 });
    const push = vi.spyOn(transport, 'push');
    await engine.syncNow();
    expect(push).not.toHaveBeenCalled();
    await repo.dismissRejected(item!.mutationId);
    expect(await repo.caseById(id)).toMatchObject({ rejectedCount: 0 });
  });

  it('splits a batch the server refuses as a whole (4xx) until the bad mutation stands alone', async () => {
    const ids = [
      await repo.createCase(newCaseInput),
      await repo.createCase({ ...newCaseInput, title: 'BAD' }),
      await repo.createCase(newCaseInput),
    ];
    const push = transport.push;
    transport.push = async (req) => {
      if (req.mutations.some((m) => m.change.type === 'created' && m.change.title === 'BAD')) {
        throw new TransportError('rejected', '400', 400, 'title is not allowed', 'title.invalid');
      }
      return push(req);
    };
    await engine.syncNow();
    expect(server.cases.size).toBe(2);
    const rejected = await repo.rejectedMutations();
    expect(rejected.map((i) => [i.caseId, i.rejectionReason, i.rejectionRule])).toEqual([
      [ids[1], 'title is not allowed', 'title.invalid'],
    ]);
    // Shown (marked) until the user dismisses it: nothing disappears silently.
    expect(await repo.caseById(ids[1]!)).toMatchObject({ rejectedCount: 1, title: 'BAD' });
  });
});

describe('pull progress', () => {
  it.each([
    ['halfway', 100, { cursor: 150, head: 200 }, 0.5],
    ['all there', 100, { cursor: 200, head: 200 }, 1],
    ['a server that does not say its head', 100, { cursor: 150 }, null],
    ['nothing to pull', 200, { cursor: 200, head: 200 }, null],
  ] as const)('%s', (_what, start, page, expected) => {
    expect(pullProgressOf(start, { events: [], cases: [], hasMore: true, ...page })).toBe(expected);
  });
});

describe('pulling', () => {
  it('pulls in pages and stores the cursor', async () => {
    engine = makeEngine({ pullLimit: 2 });
    const pulls: number[] = [];
    const pull = transport.pull;
    transport.pull = (after, limit) => {
      pulls.push(after);
      return pull(after, limit);
    };
    for (let i = 0; i < 5; i++) {
      server.serverChange(
        sequentialIds(20 + i)(),
        createdChange({
          title: `Sak ${i}`,
          priority: 'low',
          channel: 'portal',
          requester: { municipalityId: 'aukra' },
        }),
      );
    }
    const progress: Array<number | null> = [];
    engine.status.subscribe((s, before) => {
      if (s.pullProgress !== before.pullProgress) progress.push(s.pullProgress);
    });
    await engine.syncNow();
    expect(pulls).toEqual([0, 2, 4]);
    // Shown as each page is stored (2 of 5, 4 of 5), and gone when the pull ends.
    expect(progress).toEqual([0.4, 0.8, null]);
    expect((await readSyncState(db)).cursor).toBe(5);
    expect(await db.cases.count()).toBe(5);
    expect(await countEvents(db)).toBe(5);
  });

  it('rebases: local edits stay visible on top of newer server records', async () => {
    const id = await serverCase();
    await repo.applyLocalChange(id, { type: 'fieldsChanged', changes: { title: 'Lokal tittel' } });
    server.serverChange(id, { type: 'assigned', assigneeId: 'agent-7' });
    // A pull arrives before the local edit was pushed.
    await applyPullPage(db, server.pull((await readSyncState(db)).cursor, 100));
    expect(await repo.caseById(id)).toMatchObject({
      title: 'Lokal tittel',
      assigneeId: 'agent-7',
      pendingCount: 1,
      version: 2,
    });
    expect(serverRecordOf(await repo.caseById(id))?.title).toBe('Nettverket er nede');
    await engine.syncNow();
    expect(server.cases.get(id)).toMatchObject({ title: 'Lokal tittel', assigneeId: 'agent-7' });
    expect(await repo.caseById(id)).toMatchObject({ title: 'Lokal tittel', pendingCount: 0 });
  });

  it('keeps a local edit shown while its event is acknowledged but not yet pulled', async () => {
    const id = await serverCase();
    await repo.applyLocalChange(id, { type: 'prioritySet', priority: 'critical' });
    const pull = vi
      .spyOn(transport, 'pull')
      .mockRejectedValue(new TransportError('server', '503', 503));
    await engine.syncNow();
    expect((await db.outbox.toArray()).map((i) => i.state)).toEqual(['acknowledged']);
    expect(await repo.caseById(id)).toMatchObject({ priority: 'critical', pendingCount: 0 });
    pull.mockRestore();
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(await repo.caseById(id)).toMatchObject({ priority: 'critical', version: 2 });
  });
});

describe('conflicts', () => {
  it('keeps the losing value for the user and applies it again with one action', async () => {
    const id = await serverCase();
    await repo.applyLocalChange(id, { type: 'prioritySet', priority: 'low' });
    server.serverChange(id, { type: 'prioritySet', priority: 'high' }, 'agent-2');
    await engine.syncNow();
    expect(await repo.caseById(id)).toMatchObject({ priority: 'high', pendingCount: 0 });
    const [conflict] = await repo.conflictsOf(id);
    expect(conflict).toMatchObject({
      field: 'priority',
      yourValue: 'low',
      serverValue: 'high',
      serverChangedBy: 'agent-2',
    });
    await repo.reapplyConflict(conflict!.id);
    await engine.syncNow();
    expect(server.cases.get(id)?.priority).toBe('low');
    expect(await repo.caseById(id)).toMatchObject({ priority: 'low', pendingCount: 0 });
  });

  it('never conflicts on comments', async () => {
    const id = await serverCase();
    await repo.applyLocalChange(id, {
      type: 'commented',
      commentId: sequentialIds(50)(),
      body: 'Ringte tilbake',
      visibility: 'internal',
    });
    server.serverChange(id, { type: 'prioritySet', priority: 'high' });
    await engine.syncNow();
    expect(await repo.conflictsOf(id)).toEqual([]);
    expect(server.events.map((e) => e.change.type)).toEqual([
      'created',
      'prioritySet',
      'commented',
    ]);
  });
});

describe('failures and retries', () => {
  it('retries network failures with capped exponential backoff and keeps everything', async () => {
    await engine.start();
    await repo.createCase(newCaseInput);
    vi.spyOn(transport, 'push').mockRejectedValue(new TransportError('network', 'offline'));
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await engine.syncNow();
      delays.push(timers.live().at(-1)!.ms);
    }
    expect(delays).toEqual([750, 1500, 3000, 6000, 12000, 24000, 45000, 45000]);
    expect(engine.status.getState()).toMatchObject({ online: false, pendingCount: 1 });
    expect(engine.status.getState().lastError).toMatch(/offline/);
    vi.mocked(transport.push).mockRestore();
    timers.live().at(-1)!.fn();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
  });

  it('stops on 401 and asks for sign-in, without dropping or retrying', async () => {
    await repo.createCase(newCaseInput);
    vi.spyOn(transport, 'push').mockRejectedValue(new TransportError('unauthorized', '401', 401));
    await engine.start();
    expect(engine.status.getState().signInRequired).toBe(true);
    expect(timers.live()).toEqual([]);
    expect(await repo.pendingCount()).toBe(1);
  });

  it('does nothing while the network is down, and syncs when it returns', async () => {
    await repo.createCase(newCaseInput);
    engine.setNetworkAvailable(false);
    await engine.start();
    expect(server.cases.size).toBe(0);
    engine.setNetworkAvailable(true);
    await vi.waitFor(() => expect(server.cases.size).toBe(1));
  });

  it.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [3, 0.5, 3000],
    [20, 0, 30000],
  ])('backoff after %i failures with random %f is %i ms', (failures, r, expected) => {
    expect(backoffDelay(failures, 1000, 60_000, () => r)).toBeCloseTo(expected, -1);
  });
});

describe('pushing edits made during a sync', () => {
  it('pushes an edit made while a pull is running, without waiting for the next poll', async () => {
    const id = await serverCase();
    await engine.start();
    // Hold the next pull open, as a slow page would, and let a live poke start it.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pull = transport.pull.bind(transport);
    transport.pull = async (after, limit) => {
      await gate;
      return pull(after, limit);
    };
    // Another device's change arrives: the live poke starts a pull, which hangs.
    server.serverChange(
      sequentialIds(50)(),
      createdChange({ title: 'Skrivaren er nede', priority: 'low', requester: { name: 'Kari' } }),
    );
    await vi.waitFor(() => expect(engine.status.getState().syncing).toBe(true));
    await repo.applyLocalChange(id, {
      type: 'commented',
      commentId: sequentialIds(40)(),
      body: 'Ringte tilbake',
      visibility: 'internal',
    });
    await vi.waitFor(() => expect(engine.status.getState().pendingCount).toBe(1));
    release();
    // No timer runs here: the running cycle itself goes round again and pushes the edit.
    await vi.waitFor(() =>
      expect(server.events.map((e) => e.change.type)).toEqual(['created', 'created', 'commented']),
    );
    expect(timers.live()).toHaveLength(0);
  });
});

describe('live events', () => {
  it('tells the workstation at once when the server settings change', async () => {
    const changed: string[] = [];
    engine = makeEngine({ onSettingsChanged: (key) => changed.push(key) });
    await engine.start();
    server.emit({ type: 'settingsChanged', cursor: server.cursor, key: 'sla', version: 2 });
    expect(changed).toEqual(['sla']);
  });

  it('pulls at once on a "changes" poke and raises a critical case to the callback', async () => {
    await engine.start();
    const id = sequentialIds(70)();
    const created = server.serverChange(
      id,
      createdChange({
        title: 'Journalsystemet er nede',
        priority: 'critical',
        requester: { name: 'Lege' },
      }),
    );
    server.emit({ type: 'critical', cursor: created.seq, case: server.cases.get(id)! });
    expect(critical.map((c) => c.id)).toEqual([id]);
    await vi.waitFor(async () => expect(await repo.caseById(id)).toBeDefined());
  });
});
