/** Options shared by the server's subcommands (serve, user, db): where the database is. */
import { parseArgs as parseNodeArgs } from 'node:util';
import { CliUsageError } from './cli-command';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export const databaseOptions: OptionSpec = {
  data: { type: 'string' },
};

/** Parses `args` with node's parser; unknown or malformed options are usage errors. */
export function parseOptions<T extends OptionSpec>(
  args: readonly string[],
  spec: T,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseNodeArgs({
      args: [...args],
      options: spec,
      allowPositionals: true,
      strict: true,
    });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (error) {
    throw new CliUsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** Where the database is: PostgreSQL if DATABASE_URL is set, else SQLite under --data. */
export function databaseLocation(values: Record<string, string | boolean | undefined>): {
  dataDir: string;
  databaseUrl?: string;
} {
  const dataDir = typeof values.data === 'string' ? values.data : '.data';
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl ? { dataDir, databaseUrl } : { dataDir };
}
