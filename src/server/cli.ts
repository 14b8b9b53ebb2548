/**
 * The `saksbord` command-line tool (`npm run -s saksbord -- <command> …`).
 *
 * A small dispatcher: each subcommand is a {@link CliCommand} in src/server/cli/; add new
 * ones (serve, user, db, …) to `commands` below. Usage errors exit 2 with one line on
 * stderr; other failures exit 1 with one line.
 */
import { createCalendarCommand } from './cli/calendar-command';
import {
  type CliCommand,
  type CliIo,
  CliUsageError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
} from './cli/cli-command';
import { messages } from './cli/cli-messages';
import { createDbCommand } from './cli/db-command';
import { createServeCommand } from './cli/serve-command';
import { createUserCommand } from './cli/user-command';

const commands: readonly CliCommand[] = [
  createCalendarCommand(),
  createServeCommand(),
  createUserCommand(),
  createDbCommand(),
];

/** Runs one command line (without `node` and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(messages.usage);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out([messages.helpHeading, ...commands.map((c) => `  ${c.summary}`)].join('\n'));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(messages.unknownCommand(name));
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    // One line, as promised: the first line of the message, without a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    io.err(messages.failed(reason.split('\n')[0] ?? ''));
    return EXIT_FAILURE;
  }
}

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

// Only when run as a program, so tests and other commands can import runCli.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2), io);
}
