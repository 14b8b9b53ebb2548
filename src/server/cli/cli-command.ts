/**
 * The contract every `saksbord` subcommand implements, so that `cli.ts` stays a small
 * dispatcher and commands (calendar, serve, user, db, …) live in their own modules.
 */

/** Where a command writes. Passed in so commands can be run and checked without a process. */
export interface CliIo {
  /** One line (or block) of normal output, to stdout. */
  out(text: string): void;
  /** One line of diagnostics, to stderr. */
  err(text: string): void;
}

/** A top-level subcommand such as `calendar`. */
export interface CliCommand {
  /** The word after `saksbord`. */
  name: string;
  /** One line for `saksbord --help`. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/** Exit codes: 0 done, 1 the command failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Bad input on the command line; its message is the one stderr line the user sees. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Arguments split into positionals and the flags a command knows. Unknown `--x` is an error. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
}

/** Splits `args` into positionals and boolean flags; throws CliUsageError naming an unknown flag. */
export function parseArgs(
  args: readonly string[],
  knownFlags: readonly string[],
  unknownFlag: (flag: string) => string,
): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('--')) {
      if (!knownFlags.includes(arg)) throw new CliUsageError(unknownFlag(arg));
      flags.add(arg);
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}
