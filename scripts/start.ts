/**
 * `npm start`: the Saksbord server (embedded SQLite in ./.data, demo data on first run,
 * port 4300) and the desktop app that talks to it. Where Electron cannot start (no binary,
 * no display) it says why in one line and serves the same app in web mode instead, at the
 * address it prints. Ctrl+C stops everything.
 *
 * It also starts a demo OpenID provider on 127.0.0.1 (port SAKSBORD_OIDC_PORT, 4301) with
 * demo users of Molde and Aukra, and runs the server with it configured, so "Logg inn med
 * kommunen din" works out of the box (SAKSBORD_DEMO_OIDC=0 leaves it out).
 *
 * Environment: SAKSBORD_PORT (4300), SAKSBORD_HOST (127.0.0.1), SAKSBORD_DATA (./.data),
 * SAKSBORD_WEB=1 to skip the desktop app.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { findElectronBinary } from '../src/main/electron-binary';
import {
  demoOidcClient,
  demoOidcSecretEnv,
  demoOidcServiceConfig,
} from '../src/server/demo/demo-oidc-config';
import { demoOidcUsers, startOidcProvider } from '../src/server/demo/demo-oidc-provider';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.SAKSBORD_PORT ?? 4300);
const host = process.env.SAKSBORD_HOST ?? '127.0.0.1';
const dataDir = process.env.SAKSBORD_DATA ?? join(root, '.data');
const say = (line: string) => console.log(`saksbord: ${line}`);
// Mail: the server runs a local mail catcher and sends every mail there (printed at start;
// admins read it under "Varsel"), unless SAKSBORD_MAIL_CATCHER=0 or the config names a server.
if (process.env.SAKSBORD_MAIL_CATCHER !== '0') process.env.SAKSBORD_MAIL_CATCHER = '1';
// On-call paging: a recording SMS gateway (log in <data>/sms-gateway.log), a demo rota and a
// critical case of last night paged through the chain (src/server/paging/oncall-demo.ts),
// unless SAKSBORD_DEMO_PAGING=0. The on-call page is at /vakt/.
if (process.env.SAKSBORD_DEMO_PAGING !== '0') process.env.SAKSBORD_DEMO_PAGING = '1';

/** Newest modification time under the given files and folders (0 if none exist). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when `output` is missing or older than any of its sources. */
export function isStale(output: string, sources: readonly string[]): boolean {
  if (!existsSync(output)) return true;
  return newestMtime(sources) > statSync(output).mtimeMs;
}

const rendererSources = ['src/renderer', 'src/core', 'vite.web.config.ts', 'package-lock.json'].map(
  (p) => join(root, p),
);
const portalSources = ['src/portal', 'src/core', 'vite.portal.config.ts', 'package-lock.json'].map(
  (p) => join(root, p),
);

function build(what: string, npmScript: string[]): void {
  say(`building ${what}…`);
  const result = spawnSync('npm', ['run', '-s', ...npmScript], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`building ${what} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const children = new Set<ChildProcess>();
let stopping = false;

/**
 * Starts a child in its own process group, so Ctrl+C in the terminal reaches only this
 * script, which then asks each child once to stop (a second signal would make the server
 * skip its graceful shutdown).
 */
function startChild(command: string, args: string[]) {
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  if (children.size === 0) process.exit(exitCode);
  say('stopping…');
  const forced = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 10_000);
  forced.unref();
  for (const child of children) {
    child.once('exit', () => {
      if (children.size === 0) process.exit(exitCode);
    });
    child.kill('SIGINT');
  }
}

/**
 * The demo OpenID provider, in this process, and a configuration file naming it (the shipped
 * default plus the provider); null when it is switched off or cannot start (said in one line).
 */
async function startDemoSignIn(): Promise<string | null> {
  if (process.env.SAKSBORD_DEMO_OIDC === '0') return null;
  const secret = randomBytes(24).toString('hex');
  const origins = [
    ...new Set([`http://${host}:${port}`, `http://127.0.0.1:${port}`, `http://localhost:${port}`]),
  ];
  try {
    const provider = await startOidcProvider({
      users: demoOidcUsers,
      clients: [demoOidcClient(origins, secret)],
      port: Number(process.env.SAKSBORD_OIDC_PORT ?? 4301),
    });
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'demo-oidc-config.json');
    writeFileSync(file, `${JSON.stringify(demoOidcServiceConfig(provider.issuer), null, 2)}\n`);
    // The server (a child) reads the client secret from its environment, as in production.
    process.env[demoOidcSecretEnv] = secret;
    say(
      `demo sign-in with the municipality's account at ${provider.issuer}: ` +
        `${demoOidcUsers.map((u) => u.login).join(', ')} (any password)`,
    );
    return file;
  } catch (error) {
    say(`the demo sign-in provider did not start (${(error as Error).message}); passwords only`);
    return null;
  }
}

/** Starts `saksbord serve` and resolves with the address it listens on. */
function startServer(configFile: string | null): Promise<string> {
  const server = startChild(process.execPath, [
    '--import',
    'tsx',
    join(root, 'src/server/cli.ts'),
    'serve',
    '--port',
    String(port),
    '--host',
    host,
    '--data',
    dataDir,
    // Seeds only an empty database, so this is demo data on the first run only.
    '--demo',
    ...(configFile ? ['--config', configFile] : []),
  ]);
  return new Promise((resolveUrl, reject) => {
    const lines = createInterface({ input: server.stdout! });
    const timer = setTimeout(
      () => reject(new Error('the server did not start within 180 s')),
      // The first run seeds the demo (300 cases through the write path): 91 s was measured
      // on a 2-core machine under heavy load, so 60 s was not enough there.
      180_000,
    );
    lines.on('line', (line) => {
      console.log(line);
      const match = /listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!stopping) {
        reject(
          new Error(`the server stopped (${signal ?? `exit ${code}`}); see its message above`),
        );
      }
    });
  });
}

async function main() {
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  const electron =
    process.env.SAKSBORD_WEB === '1'
      ? ({ available: false, reason: 'SAKSBORD_WEB=1 is set' } as const)
      : findElectronBinary();

  if (electron.available) {
    if (
      isStale(join(root, 'out/main/index.js'), [
        join(root, 'src'),
        join(root, 'electron.vite.config.ts'),
      ])
    ) {
      build('the desktop app', ['build']);
    }
  } else {
    // The one line promised: why there is no desktop window here.
    say(
      `the desktop app cannot start here: ${electron.reason}; serving the same app in web mode instead.`,
    );
    if (isStale(join(root, 'out/web/index.html'), rendererSources))
      build('the web app', ['build:web']);
  }

  // The server serves the self-service portal in every mode.
  if (isStale(join(root, 'out/portal/index.html'), portalSources)) {
    build('the self-service portal', ['build:portal']);
  }

  const url = await startServer(await startDemoSignIn());

  if (electron.available) {
    say(`starting the desktop app (server ${url})`);
    const app = startChild(electron.path, [root]);
    app.stdout?.pipe(process.stdout);
    app.once('exit', (code) => {
      // Quitting the app stops the server too.
      children.delete(app);
      stopAll(code ?? 0);
    });
  } else {
    say(`open ${url}/ in a browser (Ctrl+C stops the server)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    stopAll(1);
  });
}
