/**
 * Server processes for the paging chaos run: `saksbord serve --config <file>` on PostgreSQL
 * (DATABASE_URL with a schema), with the shared accelerated clock (SAKSBORD_CLOCK) and a fast
 * scheduler poll, killed with SIGKILL and started again. The CLI entry is the convergence
 * run's (one esbuild bundle per run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { CliEntry } from '../convergence/server-processes';

const root = resolve(import.meta.dirname, '../..');

export class PagingServer {
  private child: ChildProcess | null = null;
  url: string | null = null;
  readonly output: string[] = [];
  starts = 0;

  constructor(
    readonly name: string,
    private readonly cli: CliEntry,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get running(): boolean {
    return this.child !== null && this.url !== null;
  }

  async start(): Promise<string> {
    const child = spawn(
      process.execPath,
      [...this.cli.args, 'serve', '--port', '0', '--host', '127.0.0.1', ...this.args],
      { cwd: root, env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.starts += 1;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.output.push(line);
      if (this.output.length > 300) this.output.splice(0, this.output.length - 300);
    };
    child.stderr!.on('data', keep);
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`${this.name} did not start`)), 90_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        out += chunk.toString();
        const match = out.match(/listening on (http:\/\/[^\s]+)/);
        if (match) {
          clearTimeout(timer);
          ok(match[1]!.replace(/\/$/, ''));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(
          new Error(
            `${this.name} exited (${code ?? signal}): ${this.output.slice(-20).join('\n')}`,
          ),
        );
      });
    });
    child.removeAllListeners('exit');
    child.once('exit', () => {
      if (this.child === child) {
        this.child = null;
        this.url = null;
      }
    });
    this.url = url;
    return url;
  }

  /** SIGKILL: nothing is finished, whatever was in flight is cut. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    this.url = null;
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
