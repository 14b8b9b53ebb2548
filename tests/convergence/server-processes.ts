/**
 * Real server processes for the convergence run: `saksbord serve --port 0` started with the
 * project's CLI as child processes (SQLite in a data folder, or PostgreSQL in a schema via
 * DATABASE_URL), killed with SIGKILL and started again on the same database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * How to run the CLI: `node <bundle> …` when esbuild (which tsx brings along) can bundle
 * src/server/cli.ts once per run — the project's own sources in one file, packages left to
 * node_modules — since starting through tsx costs 3× as long on a busy machine and a killed
 * server is down for all of it; else `node --import tsx src/server/cli.ts …`.
 */
export interface CliEntry {
  args: string[];
  dispose(): void;
}

/** Every server process still running: killed when this process exits, however it exits. */
const live = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let prepared: Promise<CliEntry> | null = null;

/** The CLI entry, built once per process (removed when the process exits). */
export function prepareCli(): Promise<CliEntry> {
  prepared ??= buildCli().then((entry) => {
    process.once('exit', () => entry.dispose());
    return entry;
  });
  return prepared;
}

async function buildCli(): Promise<CliEntry> {
  const dir = join(root, 'node_modules', '.cache', 'saksbord-convergence');
  const file = join(dir, `cli-${process.pid}-${randomBytes(3).toString('hex')}.mjs`);
  try {
    const esbuild = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    // Bundles of runs that ended without cleaning up (a test worker killed, say).
    for (const name of readdirSync(dir)) {
      const pid = Number(name.split('-')[1]);
      if (Number.isInteger(pid) && !alive(pid)) rmSync(join(dir, name), { force: true });
    }
    await esbuild.build({
      entryPoints: [join(root, 'src/server/cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: file,
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'error',
    });
    return { args: [file], dispose: () => rmSync(file, { force: true }) };
  } catch {
    return { args: ['--import', 'tsx', 'src/server/cli.ts'], dispose: () => {} };
  }
}

export interface ServerLocation {
  dataDir: string;
  databaseUrl?: string;
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  port: number | null = null;
  /** The last lines the process wrote (for a report when something goes wrong). */
  readonly output: string[] = [];
  starts = 0;

  constructor(
    readonly name: string,
    private readonly location: ServerLocation,
    private readonly cli: CliEntry,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<number> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (this.location.databaseUrl) env.DATABASE_URL = this.location.databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      [
        ...this.cli.args,
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data',
        this.location.dataDir,
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.starts += 1;
    track(child);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) this.output.push(line);
      }
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stderr!.on('data', keep);
    const port = await new Promise<number>((resolvePort, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start: ${out}`)),
        60_000,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        out += chunk.toString();
        const match = out.match(/listening on http:\/\/[^:]+:(\d+)/);
        if (match) {
          clearTimeout(timer);
          resolvePort(Number(match[1]));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code ?? signal}): ${this.output.join('\n')}`));
      });
    });
    child.removeAllListeners('exit');
    child.once('exit', () => {
      if (this.child === child) {
        this.child = null;
        this.port = null;
      }
    });
    this.child = child;
    this.port = port;
    return port;
  }

  /** SIGKILL: no shutdown, whatever was in flight is cut. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the server finishes what is in flight and exits. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.port = null;
    const exited = new Promise<void>((r) => {
      if (child.exitCode !== null || child.signalCode !== null) r();
      else child.once('exit', () => r());
    });
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
