/**
 * The first response is the service's act: a requester's own comment in the portal never
 * stops the response clock. Cases stored under the old rule (any comment to the requester
 * counted, whoever wrote it) are corrected when a server starts, and a workstation that
 * already held them fetches them again. On SQLite and PostgreSQL, over real HTTP.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '@core/case/index';
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaseRepository } from '../../src/renderer/src/db/case-repository';
import { eventsOfCase } from '../../src/renderer/src/db/event-log';
import { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { caseRow, recordOf } from '../../src/server/cases/case-rows';
import {
  replicaEpochCounter,
  slaFactsRevisionCounter,
} from '../../src/server/cases/sla-facts-refresh';
import { engines } from './helpers/engines';
import { testSyncEngine } from './helpers/sync-client';
import { listeningTestServer, type TestServer } from './helpers/test-server';

const portalCase = (userId: string) => ({
  title: 'Skrivaren skriv ikkje ut',
  description: 'Papirstopp.',
  priority: 'low',
  priorityAnswers: { completeLoss: false },
  channel: 'portal',
  requester: { name: 'Kari', municipalityId: 'molde', userId },
});

const comment = (body: string) => ({
  change: { type: 'commented', commentId: randomUUID(), body, visibility: 'requester' },
});

describe.each(engines)('the first response on $name', (engine) => {
  const test = it.skipIf(!engine.available);
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  async function reportAndComment(s: TestServer): Promise<string> {
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: portalCase(s.ids.requesterKari),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.case.id as string;
    const commented = await s.call('POST', `/api/v1/cases/${id}/changes`, {
      token: s.tokens.requesterKari,
      body: comment('Det gjeld også skannaren.'),
    });
    expect(commented.status).toBe(200);
    return id;
  }

  async function stored(s: TestServer, id: string): Promise<CaseRecord> {
    const row = await s.ctx.db
      .selectFrom('cases')
      .select('record')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return recordOf(row);
  }

  test("a requester's comment leaves the response clock running; the desk's answer stops it", async () => {
    const s = await listeningTestServer(engine);
    servers.push(s);
    const id = await reportAndComment(s);
    const afterRequester = await stored(s, id);
    expect(afterRequester.firstResponseAt).toBeNull();
    expect(afterRequester.slaTimeline.map((f) => f.kind)).toEqual(['created']);

    const answered = await s.call('POST', `/api/v1/cases/${id}/changes`, {
      token: s.tokens.agent,
      body: comment('Vi ser på det no.'),
    });
    expect(answered.status).toBe(200);
    const afterDesk = await stored(s, id);
    expect(afterDesk.firstResponseAt).not.toBeNull();
    expect(afterDesk.slaTimeline.map((f) => f.kind)).toEqual(['created', 'responded']);
  });

  test('cases stored under the old rule are corrected at start and fetched again by clients', async () => {
    const location = engine.freshLocation();
    const first = await listeningTestServer(engine, location);
    const id = await reportAndComment(first);
    // What the old rule stored: the requester's comment as the first response.
    const right = await stored(first, id);
    const commentedAt = right.updatedAt;
    const wrong: CaseRecord = {
      ...right,
      firstResponseAt: commentedAt,
      slaTimeline: [...right.slaTimeline, { at: Date.parse(commentedAt), kind: 'responded' }],
    };
    const { id: _id, ...columns } = caseRow(wrong);
    await first.ctx.db.updateTable('cases').set(columns).where('id', '=', id).execute();
    await first.ctx.db.deleteFrom('counters').where('name', '=', slaFactsRevisionCounter).execute();

    // A workstation syncs the wrong record, then makes an edit while the server is down.
    const db = new SaksbordDb(`it-first-response-${randomUUID()}`);
    const repo = createCaseRepository(db, {
      deviceId: 'device-agent',
      getActor: () => ({ id: first.ids.agent, role: 'agent' as const }),
      now: () => new Date(),
      newId: randomUUID,
    });
    const engineFor = (url: string) =>
      testSyncEngine(db, { url, token: first.tokens.agent }, 'device-agent');

    try {
      const before = engineFor(first.url);
      await before.syncNow();
      expect((await repo.caseById(id))?.firstResponseAt).toBe(commentedAt);
      await before.stop();
      await first.close();
      // A case registered by phone while the server is down (the corrected case itself gets
      // no new event: only the epoch can bring its corrected record).
      const phoned = await repo.createCase({
        title: 'Telefonen på sentralbordet er død',
        priority: 'high',
        channel: 'phone',
        requester: { name: 'Per Hansen', municipalityId: 'molde' },
      });

      // The server starts again on the same database: the facts are recomputed.
      const second = await listeningTestServer(engine, location, false);
      servers.push(second);
      const corrected = await stored(second, id);
      expect(corrected.firstResponseAt).toBeNull();
      expect(corrected.slaTimeline.map((f) => f.kind)).toEqual(['created']);
      const epoch = await second.ctx.db
        .selectFrom('counters')
        .select('value')
        .where('name', '=', replicaEpochCounter)
        .executeTakeFirstOrThrow();
      expect(Number(epoch.value)).toBe(1);

      // The workstation pulls under the new epoch: it fetches the case again, and the case
      // waiting in its outbox still reaches the server.
      const after = engineFor(second.url);
      await after.syncNow();
      const local = await repo.caseById(id);
      expect(local?.firstResponseAt).toBeNull();
      expect(local?.slaTimeline.map((f) => f.kind)).toEqual(['created']);
      expect(local?.pendingCount).toBe(0);
      expect(await db.outbox.count()).toBe(0);
      expect((await repo.caseById(phoned))?.number).toMatch(/^\d{4}-\d{5}$/);
      // Its events came again once each.
      expect((await eventsOfCase(db, id)).map((e) => e.change.type)).toEqual([
        'created',
        'commented',
      ]);
      await after.stop();
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
