/**
 * The notification outbox under a burst: 1,000 case events (created cases, each requester
 * with an address of their own, so each event causes exactly one mail) pushed through sync
 * into real server processes, delivered through SMTP to the local mail catcher (smtp-server).
 * Measures the time from the first push to the last mail and checks that every notification
 * arrived exactly once (by Message-ID): on SQLite (one process) and on PostgreSQL with two
 * server processes sharing the database. `MAIL_BENCH_EVENTS` changes the count.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startMailCatcher } from '../src/server/mail/mail-catcher';
import {
  emailRows,
  type Location,
  prepareDatabase,
  pushBurst,
  signIn,
  sleep,
  spawnServer,
  stop,
  writeMailConfig,
} from '../tests/integration/helpers/mail-processes';
import type { BenchResult } from './run-all';

const events = Number(process.env.MAIL_BENCH_EVENTS ?? 1000);

async function burst(label: string, location: Location, processes: number): Promise<BenchResult[]> {
  await prepareDatabase(location);
  const catcher = await startMailCatcher({ light: true, keep: events * 2 });
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-mail-bench-'));
  const config = writeMailConfig(dir, catcher.port);
  const env = { SAKSBORD_OUTBOX_POLL_MS: '200' };
  const servers = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await spawnServer(location, config, env));
    const token = await signIn(servers[0]!.url);
    const started = performance.now();
    await pushBurst(servers[0]!.url, token, events, 'bench');
    const pushed = performance.now();
    await catcher.waitForCount(events, 600_000);
    const delivered = performance.now();
    // Anything sent twice would arrive now.
    await sleep(1_000);
    const rows = await emailRows(location);
    const ids = new Set(rows.map((r) => `<n.${r.id}@burst.test>`));
    const received = catcher.mails.map((m) => m.messageId);
    const distinct = new Set(received);
    const missing = [...ids].filter((id) => !distinct.has(id)).length;
    const repeated = received.length - distinct.size;
    const senders = new Set(rows.map((r) => r.claimed_by)).size;
    const seconds = (delivered - started) / 1000;
    const note = `${distinct.size}/${events} arrived, ${missing} missing, ${repeated} repeated; sent by ${senders} process(es); push took ${((pushed - started) / 1000).toFixed(1)} s, the last mail ${((delivered - pushed) / 1000).toFixed(1)} s after the last push`;
    return [
      {
        name: `mail outbox: ${events} events → mails delivered, ${label}`,
        value: seconds,
        unit: 's',
        target: 'every one exactly once',
        note,
      },
      {
        name: `mail outbox: delivery rate, ${label}`,
        value: events / seconds,
        unit: 'mails/s',
        note: missing === 0 && repeated === 0 ? 'exactly once' : 'NOT exactly once',
      },
    ];
  } finally {
    for (const server of servers) await stop(server, 'SIGTERM');
    await catcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-mail-bench-db-'));
  try {
    results.push(...(await burst('SQLite, 1 process', { dataDir: dir }, 1)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_mail_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL unreachable (${(error as Error).message}); skipping its figures`);
    return results;
  }
  const pgDir = mkdtempSync(join(tmpdir(), 'saksbord-mail-bench-pg-'));
  try {
    results.push(
      ...(await burst(
        'PostgreSQL, 2 processes',
        { dataDir: pgDir, databaseUrl: url.toString() },
        2,
      )),
    );
  } finally {
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
    rmSync(pgDir, { recursive: true, force: true });
  }
  return results;
}
