/**
 * Runs a suite against both database engines: SQLite in a temp dir and PostgreSQL at
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), each opened database
 * in a fresh schema so concurrent runs never collide. The PostgreSQL variant is skipped, with
 * a message, only when the server is unreachable.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import {
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
  parsePostgresUrl,
} from '../../../src/server/db/database';

export const postgresBaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: postgresBaseUrl,
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.warn(
      `PostgreSQL at ${postgresBaseUrl} is unreachable (${(error as Error).message}); ` +
        'skipping the PostgreSQL variants. Start it with scripts/ensure-postgres.sh.',
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await reachable();

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, empty place for a database: a temp dir or a new schema. */
  freshLocation(): { dataDir: string; databaseUrl?: string };
  /** Opens a fresh database (not migrated unless `migrate`). */
  open(migrate?: boolean): Promise<DatabaseHandle>;
}

const tempDirs: string[] = [];
const schemas: string[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-test-'));
  tempDirs.push(dir);
  return dir;
}

function freshSchemaUrl(): string {
  const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const url = new URL(postgresBaseUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}

function engine(name: 'sqlite' | 'postgres'): TestEngine {
  const freshLocation = () =>
    name === 'sqlite'
      ? { dataDir: freshDir() }
      : { dataDir: freshDir(), databaseUrl: freshSchemaUrl() };
  return {
    name,
    available: name === 'sqlite' || postgresAvailable,
    freshLocation,
    async open(migrate = true) {
      const handle = await openDatabase(freshLocation());
      if (migrate) await migrateToLatest(handle);
      return handle;
    },
  };
}

export const engines: TestEngine[] = [engine('sqlite'), engine('postgres')];

afterAll(async () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (schemas.length === 0 || !postgresAvailable) return;
  const client = new pg.Client({
    connectionString: parsePostgresUrl(postgresBaseUrl).connectionString,
  });
  await client.connect();
  try {
    for (const schema of schemas.splice(0))
      await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
});
