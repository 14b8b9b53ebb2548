/**
 * `saksbord db migrate` and `saksbord db backup <file>`.
 *
 * The backup is a consistent copy taken while the server runs: SQLite's `VACUUM INTO`
 * reads one snapshot (WAL readers do not block the writer); for PostgreSQL it runs
 * `pg_dump` (of the schema named in DATABASE_URL, if any).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, parsePostgresUrl } from '../db/database';
import { type CliCommand, CliUsageError, EXIT_FAILURE, EXIT_OK } from './cli-command';
import { databaseLocation, databaseOptions, parseOptions } from './server-cli-options';

export function createDbCommand(): CliCommand {
  return {
    name: 'db',
    summary: 'db migrate | db backup <file> [--data ./.data]  database maintenance',
    async run(args, io) {
      const { values, positionals } = parseOptions(args, databaseOptions);
      const [action, file] = positionals;
      const location = databaseLocation(values);
      if (action === 'migrate') {
        const handle = await openDatabase(location);
        try {
          const result = await migrateToLatest(handle);
          const applied = result.results?.map((r) => r.migrationName) ?? [];
          io.out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
          return EXIT_OK;
        } finally {
          await handle.close();
        }
      }
      if (action === 'backup') {
        if (!file) throw new CliUsageError('usage: saksbord db backup <file>');
        const target = resolve(file);
        if (existsSync(target)) {
          io.err(`${target} exists; choose a new file`);
          return EXIT_FAILURE;
        }
        if (location.databaseUrl) {
          const { connectionString, schema } = parsePostgresUrl(location.databaseUrl);
          const dump = spawnSync(
            'pg_dump',
            [
              `--dbname=${connectionString}`,
              '--file',
              target,
              ...(schema ? ['--schema', schema] : []),
            ],
            { stdio: ['ignore', 'inherit', 'inherit'] },
          );
          if (dump.status !== 0) {
            io.err(`pg_dump failed${dump.error ? `: ${dump.error.message}` : ''}`);
            return EXIT_FAILURE;
          }
        } else {
          const handle = await openDatabase(location);
          try {
            await sql`vacuum into ${target}`.execute(handle.db);
          } finally {
            await handle.close();
          }
        }
        io.out(`backup written to ${target}`);
        return EXIT_OK;
      }
      throw new CliUsageError('usage: saksbord db migrate | db backup <file>');
    },
  };
}
