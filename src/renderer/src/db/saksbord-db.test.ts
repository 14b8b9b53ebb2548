import { type CaseEvent, caseChangeSchema } from '@core/case/index';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { casesOnLine } from './case-queries';
import { appendEvents, eventsOfCase } from './event-log';
import { currentSchemaVersion, SaksbordDb, schemaVersions } from './saksbord-db';
import { newCaseInput, serverCase, uniqueDbName } from './test-fixtures';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Rows a database written at `version` holds, to check that an upgrade keeps or converts them. */
const fixtureAt: Record<number, (db: SaksbordDb) => Promise<void>> = {
  1: async (db) => {
    await db.cases.put({
      ...serverCase({ id: '00000000-0000-4000-8000-000000000001' }),
      pendingCount: 0,
      rejectedCount: 0,
      provisionalNumber: null,
      server: null,
    });
    await db.outbox.add({
      mutationId: '00000000-0000-4000-8000-0000000000aa',
      caseId: '00000000-0000-4000-8000-000000000001',
      mutation: {
        mutationId: '00000000-0000-4000-8000-0000000000aa',
        caseId: '00000000-0000-4000-8000-000000000001',
        baseVersion: 1,
        clientAt: '2026-11-24T09:00:00.000Z',
        change: { type: 'acknowledged' },
      },
      actorId: 'agent-1',
      state: 'pending',
      attempts: 0,
      lastError: null,
      seq: null,
      rejectionReason: null,
      rejectionRule: null,
    });
    await db.syncState.put({
      id: 'main',
      cursor: 42,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    });
  },
  2: async (db) => {
    await fixtureAt[1]!(db);
    // Versions 1–2 kept one record per server event.
    const events = (db as unknown as { events: Dexie.Table }).events;
    await events.bulkPut([eventAt(1, 'created'), eventAt(2, 'commented')]);
  },
  3: async (db) => {
    await fixtureAt[1]!(db);
    await appendEvents(db, [eventAt(1, 'created'), eventAt(2, 'commented')]);
  },
  4: async (db) => {
    await fixtureAt[3]!(db);
  },
};

/** The events each fixture holds from version 2 on, by change type. */
const fixtureEvents: Record<number, string[]> = { 1: [], 2: ['created', 'commented'] };

function eventAt(seq: number, type: 'created' | 'commented'): CaseEvent {
  const change =
    type === 'created'
      ? {
          ...newCaseInput,
          type,
          description: '',
          priorityAnswers: null,
          categoryId: null,
          formValues: {},
          requester: { ...newCaseInput.requester, contact: '', unit: '', userId: null },
        }
      : {
          type,
          commentId: `00000000-0000-4000-b000-00000000000${seq}`,
          body: 'Ringde tilbake',
          visibility: 'internal' as const,
        };
  return {
    id: `00000000-0000-4000-a000-00000000000${seq}`,
    caseId: '00000000-0000-4000-8000-000000000001',
    seq,
    at: `2026-11-24T08:0${seq}:00.000Z`,
    clientAt: `2026-11-24T08:0${seq}:00.000Z`,
    actorId: 'agent-2',
    deviceId: 'd2',
    mutationId: null,
    change: caseChangeSchema.parse(change),
  };
}

describe('schema versions', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(
      Array.from({ length: currentSchemaVersion }, (_, i) => i + 1),
    );
  });

  it('opens an empty database at the current version with every table', async () => {
    const db = new SaksbordDb(uniqueDbName('fresh'));
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'cases',
      'conflicts',
      'eventChunks',
      'outbox',
      'session',
      'settings',
      'syncState',
    ]);
  });

  it.each(schemaVersions.map((v) => v.version))(
    'upgrades a database written at version %i to the current one and keeps its data',
    async (from) => {
      const name = uniqueDbName(`from-${from}`);
      const old = new SaksbordDb(name, { upTo: from });
      await old.open();
      expect(old.verno).toBe(from);
      await fixtureAt[from]?.(old);
      old.close();

      const db = new SaksbordDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(currentSchemaVersion);
      expect((await db.syncState.get('main'))?.cursor).toBe(42);
      const cases = await casesOnLine(db, 1, ['new']);
      expect(cases.map((c) => c.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
      // v2: the outbox is read oldest pending first through [state+order].
      const pending = await db.outbox
        .where('[state+order]')
        .between(['pending', 0], ['pending', Infinity])
        .toArray();
      expect(pending.map((item) => item.mutationId)).toEqual([
        '00000000-0000-4000-8000-0000000000aa',
      ]);
      // v3: events live in chunks; a case's history is read through them.
      const history = await eventsOfCase(db, '00000000-0000-4000-8000-000000000001');
      expect(history.map((e) => e.change.type)).toEqual(fixtureEvents[Math.min(from, 2)]);
    },
  );

  it('keeps separate databases apart (one per simulated client)', async () => {
    const a = new SaksbordDb(uniqueDbName('a'));
    const b = new SaksbordDb(uniqueDbName('b'));
    opened.push(a, b);
    await a.settings.put({ key: 'theme', value: 'dark' });
    expect(await b.settings.get('theme')).toBeUndefined();
  });
});
