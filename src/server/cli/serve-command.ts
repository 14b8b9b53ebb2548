/**
 * `saksbord serve [--port 8080] [--host 127.0.0.1] [--data ./.data] [--config <file>] [--demo]
 *   [--tls-cert <pem> --tls-key <pem>]` (HTTPS; without them, a warning when --host is not loopback)
 *
 * Runs the server until SIGINT/SIGTERM, then stops accepting connections, finishes the
 * requests in flight and exits 0. PostgreSQL when DATABASE_URL is set.
 */
import { seedDemo } from '../demo/demo-seed';
import { loadServiceConfig, startServer } from '../server';
import { type CliCommand, CliUsageError, EXIT_OK } from './cli-command';
import { databaseLocation, databaseOptions, parseOptions } from './server-cli-options';

export function createServeCommand(): CliCommand {
  return {
    name: 'serve',
    summary:
      'serve [--port 8080] [--host 127.0.0.1] [--data ./.data] [--config <file>] [--demo] [--tls-cert <pem> --tls-key <pem>]  run the server',
    async run(args, io) {
      const { values, positionals } = parseOptions(args, {
        ...databaseOptions,
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        demo: { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
      });
      if (positionals.length > 0) throw new CliUsageError(`unexpected argument: ${positionals[0]}`);
      const port = values.port === undefined ? 8080 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliUsageError(`--port must be a port number 0–65535, not ${values.port}`);
      }
      const cert = values['tls-cert'] as string | undefined;
      const key = values['tls-key'] as string | undefined;
      if ((cert === undefined) !== (key === undefined)) {
        throw new CliUsageError('--tls-cert and --tls-key go together: give both, or neither');
      }
      const config = loadServiceConfig(values.config as string | undefined);
      // A promise nobody awaited (a client gone mid-write, say) is logged, not fatal:
      // one failing request must not take the server down.
      process.on('unhandledRejection', (reason) => {
        console.error('unhandled rejection:', reason instanceof Error ? reason.message : reason);
      });
      const location = databaseLocation(values);
      const server = await startServer({
        ...location,
        config,
        port,
        host: (values.host as string | undefined) ?? '127.0.0.1',
        ...(cert && key ? { tls: { certFile: cert, keyFile: key } } : {}),
      });
      if (values.demo) {
        const seeded = await seedDemo(server.ctx);
        io.err(
          seeded
            ? `demo data: ${seeded.users} accounts (password "${seeded.password}"), ${seeded.cases} cases`
            : 'demo data: the database is not empty, nothing seeded',
        );
      }
      const engine = location.databaseUrl
        ? 'PostgreSQL'
        : `SQLite in ${server.ctx.options.dataDir}`;
      io.out(`Saksbord server listening on ${server.url} (${engine})`);

      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          io.err(`${signal}: stopping, finishing requests in flight...`);
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          // A second signal while stopping exits at once.
          process.once('SIGINT', () => process.exit(130));
          process.once('SIGTERM', () => process.exit(143));
          void server.close().then(resolve);
        };
        const onInt = () => stop('SIGINT');
        const onTerm = () => stop('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
      });
      io.err('stopped');
      return EXIT_OK;
    },
  };
}
