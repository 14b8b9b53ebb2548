/**
 * A server killed (SIGKILL) in the middle of a push loop loses no mutation it acknowledged:
 * every mutation reported `applied` before the kill is stored after a restart, and pushing
 * the whole history again applies each mutation exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { createUser } from '../../src/server/users/user-store';
import { engines } from './helpers/engines';
import { mutation, newCaseBody } from './helpers/test-server';

const root = resolve(import.meta.dirname, '../..');

async function spawnServer(location: { dataDir: string; databaseUrl?: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0', '--data', location.dataDir],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, url };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r(child.exitCode);
    else child.once('exit', (code) => r(code));
  });

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'agent',
      password: 'riktig-passord-1',
      deviceId: 'crash-test',
    }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe.each(engines)('a server killed mid-push on $name', (engine) => {
  it.skipIf(!engine.available)(
    'keeps every mutation it acknowledged, and applies a re-push exactly once',
    async () => {
      const location = engine.freshLocation();
      const handle = await openDatabase(location);
      await migrateToLatest(handle);
      await createUser(
        handle.db,
        { username: 'agent', displayName: 'Agent', role: 'agent', password: '' },
        new Date(),
        await hashPassword('riktig-passord-1'),
      );
      await handle.close();

      const first = await spawnServer(location);
      const token = await signIn(first.url);
      const sent: ReturnType<typeof mutation>[] = [];
      const acknowledged = new Map<string, number>();
      let stop = false;
      const push = (url: string, mutations: unknown[]) =>
        fetch(`${url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: 'crash-test', mutations }),
        });
      const loop = (async () => {
        while (!stop) {
          const caseId = randomUUID();
          const batch = [
            mutation(caseId, { type: 'created', ...newCaseBody() }),
            mutation(caseId, { type: 'acknowledged' }),
            mutation(caseId, { type: 'statusChanged', status: 'inProgress' }),
          ];
          sent.push(...batch);
          try {
            const res = await push(first.url, batch);
            const body = (await res.json()) as {
              results: { mutationId: string; status: string; seq: number }[];
            };
            for (const r of body.results) {
              if (r.status === 'applied') acknowledged.set(r.mutationId, r.seq);
            }
          } catch {
            return; // the server is gone mid-request
          }
        }
      })();
      while (acknowledged.size < 30) await new Promise((r) => setTimeout(r, 10));
      first.child.kill('SIGKILL');
      await exited(first.child);
      stop = true;
      await loop;
      expect(acknowledged.size).toBeGreaterThanOrEqual(30);

      const second = await spawnServer(location);
      try {
        const token2 = await signIn(second.url);
        const stored = new Map<string, number>();
        let after = 0;
        for (;;) {
          const res = await fetch(`${second.url}/api/v1/sync/pull?after=${after}&limit=1000`, {
            headers: { authorization: `Bearer ${token2}` },
          });
          const page = (await res.json()) as {
            events: { mutationId: string; seq: number }[];
            cursor: number;
            hasMore: boolean;
          };
          for (const e of page.events) stored.set(e.mutationId, e.seq);
          after = page.cursor;
          if (!page.hasMore) break;
        }
        for (const [id, seq] of acknowledged) expect(stored.get(id)).toBe(seq);

        // The client never heard back about the last batch: it pushes everything again.
        const res = await fetch(`${second.url}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token2}` },
          body: JSON.stringify({ deviceId: 'crash-test', mutations: sent }),
        });
        const body = (await res.json()) as {
          results: { mutationId: string; status: string; seq: number }[];
        };
        expect(body.results.every((r) => r.status === 'applied')).toBe(true);
        for (const r of body.results) {
          if (acknowledged.has(r.mutationId)) expect(r.seq).toBe(acknowledged.get(r.mutationId));
        }
        const count = await fetch(`${second.url}/api/v1/sync/pull?after=0&limit=5000`, {
          headers: { authorization: `Bearer ${token2}` },
        });
        const all = (await count.json()) as { events: unknown[] };
        expect(all.events).toHaveLength(sent.length);
      } finally {
        second.child.kill('SIGTERM');
        expect(await exited(second.child)).toBe(0);
      }
    },
    60_000,
  );
});
