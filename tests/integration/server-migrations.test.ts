import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrator } from '../../src/server/db/database';
import { migrationNames } from '../../src/server/db/migrations';
import { engines } from './helpers/engines';

describe.each(engines)('migrations on $name', (engine) => {
  it.skipIf(!engine.available)('migrate an empty database to the latest version', async () => {
    const handle = await engine.open(false);
    try {
      const result = await migrateToLatest(handle);
      expect(result.results?.map((r) => r.migrationName)).toEqual(migrationNames);
      const again = await migrateToLatest(handle);
      expect(again.results).toEqual([]);
      const seq = await handle.db
        .selectFrom('counters')
        .select('value')
        .where('name', '=', 'seq')
        .executeTakeFirstOrThrow();
      expect(Number(seq.value)).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!engine.available).each(migrationNames.slice(0, -1))(
    'upgrade from version %s keeps the data',
    async (version) => {
      const handle = await engine.open(false);
      try {
        const step = await migrator(handle).migrateTo(version);
        expect(step.error).toBeUndefined();
        const id = randomUUID();
        await handle.db
          .insertInto('users')
          .values({
            id,
            username: 'kari',
            display_name: 'Kari',
            role: 'agent',
            municipality_ids: '[]',
            password_hash: 'x',
            disabled: 0,
            created_at: new Date().toISOString(),
          })
          .execute();
        await migrateToLatest(handle);
        const migrations = await migrator(handle).getMigrations();
        expect(migrations.every((m) => m.executedAt !== undefined)).toBe(true);
        const user = await handle.db
          .selectFrom('users')
          .select('username')
          .where('id', '=', id)
          .executeTakeFirst();
        expect(user?.username).toBe('kari');
      } finally {
        await handle.close();
      }
    },
  );
});
