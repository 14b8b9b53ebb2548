import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSchemaVersion, SaksbordDb, schemaVersions } from './saksbord-db';
import { serverCase, uniqueDbName } from './test-fixtures';

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
  },
};

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
      'events',
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
      const cases = await db.cases.where('[line+status]').equals([1, 'new']).toArray();
      expect(cases.map((c) => c.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
      // v2: the outbox is read oldest pending first through [state+order].
      const pending = await db.outbox
        .where('[state+order]')
        .between(['pending', 0], ['pending', Infinity])
        .toArray();
      expect(pending.map((item) => item.mutationId)).toEqual([
        '00000000-0000-4000-8000-0000000000aa',
      ]);
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
