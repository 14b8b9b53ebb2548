/**
 * Opens the database: embedded SQLite (a file in the data dir) by default, PostgreSQL when a
 * URL is given. Both behind the same Kysely<Database>, so the rest of the server has one
 * query layer.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** Where the SQLite file lives (`saksbord.db`); ignored with PostgreSQL. */
  dataDir?: string;
  /**
   * PostgreSQL connection string. A `schema` query parameter (not sent to the server) puts
   * every table in that schema via `search_path`, so test runs on one database never collide.
   */
  databaseUrl?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** SQLite only: the file, for backups. */
  sqliteFile?: string;
  /** PostgreSQL only: how to open a dedicated connection (LISTEN) to the same schema. */
  pg?: { config: pg.ClientConfig; schema: string | null };
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const dataDir = resolve(options.dataDir ?? '.data');
  // Cases, names and phone numbers: the data folder and the database are the owner's alone.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'saksbord.db');
  const sqlite = new SqliteDatabase(file);
  for (const path of [dataDir, file]) {
    try {
      chmodSync(path, path === dataDir ? 0o700 : 0o600);
    } catch {
      // Not ours to change (a mounted volume): the operator's choice.
    }
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before the server acknowledges it, even across a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    engine: 'sqlite',
    sqliteFile: file,
    close: () => db.destroy(),
  };
}

/** Splits our own `schema` parameter off a PostgreSQL URL. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name in DATABASE_URL: ${schema}`);
  }
  return { connectionString: parsed.toString(), schema };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const config: pg.ClientConfig = { connectionString };
  if (schema) {
    const setup = new pg.Client(config);
    await setup.connect();
    try {
      await setup.query(`create schema if not exists "${schema}"`);
    } finally {
      await setup.end();
    }
    config.options = `-c search_path=${schema}`;
  }
  // No call waits for ever: a connection comes within 10 s, a statement or an idle open
  // transaction is ended after a minute (SAKSBORD_PG_STATEMENT_TIMEOUT_MS), so one stuck
  // query cannot hold a pool slot or the write lock indefinitely.
  const statementMs = Number(process.env.SAKSBORD_PG_STATEMENT_TIMEOUT_MS ?? 60_000);
  config.connectionTimeoutMillis = 10_000;
  config.options = [
    config.options,
    `-c statement_timeout=${statementMs}`,
    `-c idle_in_transaction_session_timeout=${statementMs}`,
  ]
    .filter(Boolean)
    .join(' ');
  const pool = new pg.Pool({ ...config, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client's network error must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('postgres pool error:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', pg: { config, schema }, close: () => db.destroy() };
}

/**
 * The migrator. With a PostgreSQL schema its bookkeeping tables live in that schema too
 * (Kysely otherwise finds another schema's tables and skips creating its own).
 */
export function migrator(handle: DatabaseHandle): Migrator {
  const schema = handle.pg?.schema;
  return new Migrator({
    db: handle.db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Runs every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  const result = await migrator(handle).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
