/**
 * Bulk escalation figures for `search.bench.ts` (issue 16): 500 cases escalated to line 2 with
 * one reason, through the workstation's own path (`applyLocalChanges`: rules, local record and
 * outbox item per case, one IndexedDB transaction), and then synced: pushed by the sync engine
 * to a real server on loopback (SQLite) until every change is acknowledged. Runs in Node with
 * fake-indexeddb (an in-memory IndexedDB), not Chromium's: the local figure is the code's cost
 * without Chromium's per-record IndexedDB cost (see the sync bench for that).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChange } from '@core/rules';
import { Dexie } from 'dexie';
import { createCaseRepository } from '../src/renderer/src/db/case-repository';
import { SaksbordDb } from '../src/renderer/src/db/saksbord-db';
import { createHttpTransport } from '../src/renderer/src/sync/http-transport';
import { createSyncEngine } from '../src/renderer/src/sync/sync-engine';
import { actorOf } from '../src/server/cases/case-rules';
import { applyMutations } from '../src/server/cases/mutation-service';
import { seedDemo } from '../src/server/demo/demo-seed';
import { startServer } from '../src/server/server';
import { findUserByUsername, toStoredUser } from '../src/server/users/user-store';
import type { BenchResult } from './run-all';

const COUNT = 500;

export async function bulkEscalateFigures(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saksbord-bulk-bench-'));
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  const db = new SaksbordDb(`bulk-bench-${randomUUID()}`);
  try {
    await seedDemo(server.ctx, { cases: 10 });
    const user = await findUserByUsername(server.ctx.db, 'agent1');
    if (!user) throw new Error('demo account agent1 is missing');
    const actor = actorOf(toStoredUser(user));
    // 500 fresh line-1 cases in Molde (its line-2 group exists), made through the server.
    const ids = Array.from({ length: COUNT }, () => randomUUID());
    await applyMutations(
      server.ctx,
      actor,
      'bench',
      ids.map((caseId, i) => ({
        mutationId: randomUUID(),
        caseId,
        baseVersion: 0,
        clientAt: new Date().toISOString(),
        change: {
          type: 'created' as const,
          title: `Nettet er nede ${i}`,
          description: '',
          priority: 'high' as const,
          priorityAnswers: null,
          channel: 'phone' as const,
          requester: {
            name: 'Kari Nordmann',
            contact: '',
            municipalityId: 'molde',
            unit: '',
            userId: null,
          },
          categoryId: null,
          formValues: {},
        },
      })),
    );
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'agent1',
        password: 'saksbord-demo',
        deviceId: 'bulk-bench',
      }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const engine = createSyncEngine({
      db,
      transport: createHttpTransport({ baseUrl: server.url, getToken: () => token }),
      deviceId: 'bulk-bench',
      now: () => new Date(),
      random: Math.random,
      schedule: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
      pollIntervalMs: 0,
      pushDelayMs: 0,
    });
    await engine.syncNow();
    const repo = createCaseRepository(db, {
      deviceId: 'bulk-bench',
      getActor: () => actor,
      now: () => new Date(),
      newId: randomUUID,
      checkChange: (current, change, who) =>
        checkChange(current, change, who, {
          municipalities: server.ctx.config.municipalities,
          users: () => undefined,
        }),
    });
    const t0 = performance.now();
    const outcomes = await repo.applyLocalChanges(
      ids.map((caseId) => ({
        caseId,
        change: {
          type: 'escalated' as const,
          toLine: 2 as const,
          reason: 'Nettet er nede i heile Molde',
        },
      })),
    );
    const local = performance.now() - t0;
    const refused = outcomes.filter((o) => o !== null).length;
    await engine.syncNow();
    while ((await db.outbox.where('state').anyOf('pending', 'sending').count()) > 0) {
      await engine.syncNow();
    }
    const synced = performance.now() - t0;
    const onLine2 = await server.ctx.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids)
      .where('line', '=', 2)
      .executeTakeFirstOrThrow();
    await engine.stop();
    return [
      {
        name: 'bulk escalate 500 local',
        value: local / 1000,
        unit: 's',
        target: '< 1 s',
        note: `${COUNT} cases, one reason, rules checked per case (${refused} refused), one IndexedDB transaction (fake-indexeddb in Node)`,
      },
      {
        name: 'bulk escalate 500 synced',
        value: synced / 1000,
        unit: 's',
        target: '< 5 s',
        note: `from the bulk action to every change acknowledged by a real server on loopback (SQLite, one durable commit per push batch); ${Number(onLine2.n)} of ${COUNT} on line 2 in the server's database`,
      },
    ];
  } finally {
    db.close();
    await Dexie.delete(db.name);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
