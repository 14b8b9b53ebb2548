/**
 * Server figures: create-case and pull throughput on SQLite and PostgreSQL, the time from a
 * critical case being created to its SSE event at 50 connected clients, and a bare Hono
 * "hello" route on the same server stack as the ceiling. Client and server share the
 * machine (and here 2 cores), so read the figures as ratios to the ceiling.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/passwords';
import { startServer } from '../src/server/server';
import { createUser } from '../src/server/users/user-store';
import type { BenchResult } from './run-all';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${url}${path}`,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Runs `work` from `concurrency` loops for `ms`; returns completed operations per second. */
async function throughput(
  ms: number,
  concurrency: number,
  work: () => Promise<void>,
): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const caseBody = (priority = 'medium') => ({
  title: 'Skrivaren på legekontoret skriv ikkje ut',
  description: 'Papirstopp.',
  priority,
  channel: 'phone',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
});

async function hello(): Promise<number> {
  const app = new Hono();
  app.get('/hello', (c) => c.text('hello'));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const rate = await throughput(2_000, 16, async () => {
    await call(url, 'GET', '/hello');
  });
  await new Promise((r) => server.close(r));
  return rate;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** 50 SSE clients; the time from sending a critical case to each client seeing it. */
async function criticalLatency(
  url: string,
  token: string,
  clients = 50,
  cases = 20,
): Promise<number[]> {
  const seen = new Map<string, number[]>();
  const sockets: { destroy(): void }[] = [];
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            `${url}/api/v1/events`,
            { headers: { authorization: `Bearer ${token}` } },
            (res) => {
              let buffer = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                buffer += chunk;
                let end = buffer.indexOf('\n\n');
                while (end >= 0) {
                  const frame = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  if (frame.includes('event: critical')) {
                    const data = frame
                      .split('\n')
                      .find((l) => l.startsWith('data:'))!
                      .slice(5);
                    const title = (JSON.parse(data) as { case: { title: string } }).case.title;
                    seen.get(title)?.push(performance.now());
                  }
                  end = buffer.indexOf('\n\n');
                }
              });
              resolve();
            },
          );
          req.on('error', reject);
          req.on('socket', (s) => sockets.push(s));
          req.end();
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 200));
  const latencies: number[] = [];
  for (let i = 0; i < cases; i++) {
    const title = `Kritisk ${i} ${randomBytes(4).toString('hex')}`;
    seen.set(title, []);
    const sent = performance.now();
    await call(url, 'POST', '/api/v1/cases', token, { ...caseBody('critical'), title });
    const deadline = performance.now() + 2_000;
    while (seen.get(title)!.length < clients && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    for (const at of seen.get(title)!) latencies.push(at - sent);
    await new Promise((r) => setTimeout(r, 20));
  }
  for (const s of sockets) s.destroy();
  return latencies;
}

async function engineFigures(
  name: string,
  location: { dataDir: string; databaseUrl?: string },
): Promise<BenchResult[]> {
  // 50 streams on one token: far more than a real session opens (the default cap).
  const server = await startServer({
    ...location,
    options: { staticDir: null, maxStreamsPerSession: 100 },
  });
  try {
    await createUser(
      server.ctx.db,
      { username: 'bench', displayName: 'Bench', role: 'agent', password: '' },
      new Date(),
      await hashPassword('bench-passord'),
    );
    const signIn = await call(server.url, 'POST', '/api/v1/auth/sign-in', undefined, {
      username: 'bench',
      password: 'bench-passord',
    });
    const token = (JSON.parse(signIn.text) as { token: string }).token;
    const create = await throughput(3_000, 8, async () => {
      const res = await call(server.url, 'POST', '/api/v1/cases', token, caseBody());
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    });
    // Pull everything from 0 in pages of 1000 events, repeatedly.
    let events = 0;
    const started = performance.now();
    while (performance.now() - started < 2_000) {
      let after = 0;
      for (;;) {
        const res = await call(
          server.url,
          'GET',
          `/api/v1/sync/pull?after=${after}&limit=1000`,
          token,
        );
        const page = JSON.parse(res.text) as {
          events: unknown[];
          cursor: number;
          hasMore: boolean;
        };
        events += page.events.length;
        after = page.cursor;
        if (!page.hasMore) break;
      }
    }
    const pullRate = events / ((performance.now() - started) / 1000);
    const latencies = await criticalLatency(server.url, token);
    return [
      { name: `create case (${name}, 8 concurrent)`, value: create, unit: 'cases/s' },
      { name: `pull (${name}, pages of 1000)`, value: pullRate, unit: 'events/s' },
      {
        name: `critical case → SSE, 50 clients (${name}) p50`,
        value: percentile(latencies, 50),
        unit: 'ms',
      },
      {
        name: `critical case → SSE, 50 clients (${name}) p99`,
        value: percentile(latencies, 99),
        unit: 'ms',
        target: '< 100 ms',
        note: `${latencies.length} deliveries`,
      },
    ];
  } finally {
    await server.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push({
    name: 'bare Hono hello (ceiling, 16 concurrent)',
    value: await hello(),
    unit: 'req/s',
  });
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-bench-'));
  try {
    results.push(...(await engineFigures('SQLite', { dataDir: dir })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL unreachable (${(error as Error).message}); skipping its figures`);
    return results;
  }
  try {
    results.push(
      ...(await engineFigures('PostgreSQL', { dataDir: tmpdir(), databaseUrl: url.toString() })),
    );
  } finally {
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
  agent.destroy();
  return results;
}
