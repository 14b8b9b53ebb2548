/**
 * The renderer's local store and sync engine against the real server in this process, over
 * real HTTP on loopback (fetch + the SSE stream), on both database engines. IndexedDB is
 * fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '@core/case/index';
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CaseRepository,
  createCaseRepository,
} from '../../src/renderer/src/db/case-repository';
import { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import type { SyncEngine } from '../../src/renderer/src/sync/sync-engine';
import { engines } from './helpers/engines';
import { testSyncEngine } from './helpers/sync-client';
import { listeningTestServer, type TestServer, type TestUserName } from './helpers/test-server';

interface Client {
  db: SaksbordDb;
  repo: CaseRepository;
  engine: SyncEngine;
  critical: CaseRecord[];
}

const newCase = {
  title: 'Skrivaren på legekontoret skriv ikkje ut',
  priority: 'medium',
  channel: 'phone',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
} as const;

describe.each(engines)('sync engine against the server on $name', (engine) => {
  let s: TestServer & { url: string };
  const clients: Client[] = [];
  const test = it.skipIf(!engine.available);

  beforeAll(async () => {
    if (engine.available) s = await listeningTestServer(engine);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) {
      await c.engine.stop();
      c.db.close();
      await Dexie.delete(c.db.name);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  function client(user: TestUserName, dbName = `it-${user}-${randomUUID()}`): Client {
    const db = new SaksbordDb(dbName);
    const deviceId = `device-${user}`;
    const critical: CaseRecord[] = [];
    const repo = createCaseRepository(db, {
      deviceId,
      getActor: () => ({ id: s.ids[user] }),
      now: () => new Date(),
      newId: randomUUID,
    });
    const engine = testSyncEngine(db, { url: s.url, token: s.tokens[user] }, deviceId, (c) =>
      critical.push(c),
    );
    const c = { db, repo, engine, critical };
    clients.push(c);
    return c;
  }

  test('a case created offline gets its number; another agent receives it by an SSE poke', async () => {
    const b = client('agent2');
    await b.engine.start();
    await vi.waitFor(() => expect(b.engine.status.getState().liveConnected).toBe(true));

    const a = client('agent');
    const id = await a.repo.createCase(newCase);
    expect(await a.repo.caseById(id)).toMatchObject({
      number: null,
      provisionalNumber: expect.stringMatching(/^L-/),
    });
    await a.engine.start();
    const synced = await a.repo.caseById(id);
    expect(synced).toMatchObject({ pendingCount: 0, provisionalNumber: null });
    expect(synced?.number).toMatch(/^\d{4}-\d{5}$/);
    expect(await a.db.outbox.count()).toBe(0);

    await vi.waitFor(async () => expect((await b.repo.caseById(id))?.number).toBe(synced?.number), {
      timeout: 5_000,
    });
  });

  test('a critical case reaches the other client as a live event', async () => {
    const b = client('agent2');
    await b.engine.start();
    await vi.waitFor(() => expect(b.engine.status.getState().liveConnected).toBe(true));
    const a = client('agent');
    await a.engine.start();
    const id = await a.repo.createCase({ ...newCase, priority: 'critical' });
    await a.engine.syncNow();
    await vi.waitFor(() => expect(b.critical.map((c) => c.id)).toContain(id), { timeout: 5_000 });
  });

  test('a value that lost a conflict is kept and applied again with one action', async () => {
    const a = client('agent');
    const b = client('agent2');
    await a.engine.start();
    const id = await a.repo.createCase(newCase);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.stop(); // a goes offline

    await a.repo.applyLocalChange(id, { type: 'prioritySet', priority: 'low' });
    await b.repo.applyLocalChange(id, { type: 'prioritySet', priority: 'high' });
    await b.engine.syncNow();

    await a.engine.syncNow();
    expect(await a.repo.caseById(id)).toMatchObject({ priority: 'high', pendingCount: 0 });
    const [conflict] = await a.repo.conflictsOf(id);
    expect(conflict).toMatchObject({
      field: 'priority',
      yourValue: 'low',
      serverValue: 'high',
      serverChangedBy: s.ids.agent2,
    });
    await a.repo.reapplyConflict(conflict!.id);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect((await b.repo.caseById(id))?.priority).toBe('low');
    expect(await a.repo.conflictsOf(id)).toEqual([]);
  });

  test('a change the server refuses is marked rejected with its reason and not retried', async () => {
    const a = client('agent');
    const id = await a.repo.createCase(newCase);
    // No local rule check in this client, so the server's rule decides: a case on line 1
    // cannot be escalated to line 1.
    await a.repo.applyLocalChange(id, { type: 'escalated', toLine: 1, reason: 'feil' });
    await a.engine.syncNow();
    const rejected = await a.repo.rejectedMutations();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ state: 'rejected', rejectionReason: expect.any(String) });
    expect(rejected[0]?.rejectionRule).toMatch(/escalation/);
    expect(await a.repo.caseById(id)).toMatchObject({ line: 1, pendingCount: 0, rejectedCount: 1 });
    await a.engine.syncNow();
    expect(await a.repo.rejectedMutations()).toHaveLength(1);
  });

  test('resumes after a restart: items left "sending" are pushed once, the cursor is kept', async () => {
    const name = `it-restart-${randomUUID()}`;
    const first = client('agent', name);
    await first.engine.syncNow();
    const id = await first.repo.createCase(newCase);
    await first.repo.applyLocalChange(id, {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Ringte tilbake',
      visibility: 'internal',
    });
    // Push once, then pretend the app died before it heard the answer.
    const items = await first.db.outbox.toArray();
    await fetch(`${s.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.agent}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'device-agent', mutations: items.map((i) => i.mutation) }),
    });
    await first.db.outbox.toCollection().modify({ state: 'sending' });
    await first.engine.stop();
    first.db.close();
    clients.splice(clients.indexOf(first), 1);

    const second = client('agent', name);
    await second.engine.start();
    expect(await second.db.outbox.count()).toBe(0);
    expect(await second.repo.caseById(id)).toMatchObject({ pendingCount: 0 });
    const timeline = await second.repo.eventsOf(id);
    expect(timeline.map((e) => (e.kind === 'server' ? e.event.change.type : 'local'))).toEqual([
      'created',
      'commented',
    ]);
  });

  // A device's own earlier edits are in its later edits' past (the outbox is pushed in order),
  // so the server must not count them as conflicts.
  it('own successive edits of one field made offline do not conflict with each other', async () => {
    if (!engine.available) throw new Error('skipped');
    const a = client('agent');
    const id = await a.repo.createCase(newCase);
    await a.engine.syncNow();
    await a.engine.stop();
    await a.repo.applyLocalChange(id, { type: 'prioritySet', priority: 'high' });
    await a.repo.applyLocalChange(id, { type: 'prioritySet', priority: 'critical' });
    await a.engine.syncNow();
    expect(await a.repo.conflictsOf(id)).toEqual([]);
    expect((await a.repo.caseById(id))?.priority).toBe('critical');
  });
});
