/**
 * A change the server refuses after the workstation stored it offline is shown in the user's
 * language: the push result carries the rule and its parameters, the outbox keeps them, and
 * the history words them with core's rule messages (not the server's English reason).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { refusalText } from '@core/rules';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseRepository } from '../../src/renderer/src/db/case-repository';
import { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { engines } from './helpers/engines';
import { testSyncEngine } from './helpers/sync-client';
import { listeningTestServer, type TestServer } from './helpers/test-server';

const [sqlite] = engines;

describe('a server refusal in the case history', () => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    s = await listeningTestServer(sqlite!);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps the rule and its parameters and reads in Nynorsk', async () => {
    const db = new SaksbordDb(`it-refusal-${randomUUID()}`);
    // No local rule check: the refusal can only come from the server.
    const repo = createCaseRepository(db, {
      deviceId: 'device-agent',
      getActor: () => ({ id: s.ids.agent, role: 'agent' as const }),
      now: () => new Date(),
      newId: randomUUID,
    });
    const engine = testSyncEngine(db, { url: s.url, token: s.tokens.agent }, 'device-agent');
    try {
      const id = await repo.createCase({
        title: 'Skrivaren skriv ikkje ut',
        priority: 'medium',
        channel: 'phone',
        requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
      });
      await engine.syncNow();
      // A line-1 case given to a line-2 consultant: the server's assignment rule refuses it.
      await repo.applyLocalChange(id, { type: 'assigned', assigneeId: s.ids.consultantMolde });
      await engine.syncNow();
      const [item] = await db.outbox.where('caseId').equals(id).toArray();
      expect(item).toMatchObject({ state: 'rejected', rejectionRule: expect.any(String) });
      expect(Object.keys(item!.rejectionParams ?? {}).length).toBeGreaterThan(0);
      const nynorsk = refusalText(
        item!.rejectionRule,
        item!.rejectionParams,
        item!.rejectionReason!,
        'nn',
      );
      expect(nynorsk).not.toBe(item!.rejectionReason);
      expect(nynorsk).not.toMatch(/\b(the|may|must|case)\b/);
    } finally {
      await engine.stop();
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
