/**
 * Paging figures.
 * 1. Critical case committed → page request received by the push service AND the SMS gateway
 *    (both real HTTP peers on loopback; the push is decrypted and its VAPID checked), p50/p99
 *    over 200 cases made one after another against a server on SQLite at 02:00 on a weeknight.
 * 2. 10,000 open cases' SLA warning timers recomputed after a team leader changes a target
 *    (SQLite; PostgreSQL too when reachable).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChange, type CaseRecord, caseChangeSchema } from '@core/case';
import { defaultServiceConfig } from '@core/config';
import { pagingConfigSchema } from '@core/oncall';
import { slaConfigSchema } from '@core/sla';
import pg from 'pg';
import { caseRow } from '../src/server/cases/case-rows';
import { addPushSubscription, putContact } from '../src/server/paging/contacts-store';
import { recomputeIfBasisChanged } from '../src/server/paging/paging-startup';
import { putRotaSettings } from '../src/server/paging/rota-store';
import { startServer } from '../src/server/server';
import { writeSlaSettings } from '../src/server/settings/settings-store';
import { createUser } from '../src/server/users/user-store';
import { startPushService } from '../tests/doubles/push-service';
import { startSmsGateway } from '../tests/doubles/sms-gateway';
import type { BenchResult } from './run-all';

const NIGHT = new Date('2026-03-04T01:00:00.000Z'); // Wednesday 02:00 in Oslo
const postgresBase = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function pageLatency(count: number): Promise<BenchResult[]> {
  const push = await startPushService();
  const sms = await startSmsGateway();
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-paging-bench-'));
  const config = {
    ...defaultServiceConfig,
    paging: pagingConfigSchema.parse({ sms: { url: `${sms.url}/send` }, slaWarnings: false }),
  };
  const server = await startServer({
    dataDir: dir,
    config,
    now: () => NIGHT,
    options: { staticDir: null },
  });
  try {
    const db = server.ctx.db;
    const intake = await createUser(
      db,
      { username: 'intake', displayName: 'Intake', role: 'agent', password: 'paging-bench-1' },
      NIGHT,
    );
    const onCall = await createUser(
      db,
      { username: 'vakt', displayName: 'Vakt', role: 'agent', password: 'x-paging-bench' },
      NIGHT,
    );
    await putRotaSettings(
      db,
      {
        rotation: [onCall.id],
        anchorDate: '2026-03-02',
        rotateBy: 'week',
        backupFromRotation: true,
      },
      intake.id,
      NIGHT,
    );
    await putContact(
      db,
      {
        userId: onCall.id,
        phone: '900 00 001',
        email: null,
        pushOn: true,
        smsOn: true,
        emailOn: false,
      },
      NIGHT,
    );
    await addPushSubscription(db, onCall.id, push.subscribe(), NIGHT);
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'intake', password: 'paging-bench-1', deviceId: 'bench' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const pushes = push.received.length;
      const texts = sms.received.length;
      const res = await fetch(`${server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Kritisk ${i}`,
          priority: 'critical',
          channel: 'phone',
          requester: { name: 'Legevakta', municipalityId: 'molde' },
        }),
      });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
      const committed = Date.now();
      await res.arrayBuffer();
      await push.waitFor(pushes + 1, 30_000);
      await sms.waitFor(texts + 1, 30_000);
      const arrived = Math.max(push.received[pushes]!.at, sms.received[texts]!.at);
      latencies.push(arrived - committed);
    }
    const rejected = push.rejected.length;
    return [
      {
        name: `paging: critical case committed → push service and SMS gateway got the page, p99 of ${count}`,
        value: percentile(latencies, 99),
        unit: 'ms',
        target: '< 1000 ms',
        note: `p50 ${percentile(latencies, 50)} ms, max ${Math.max(...latencies)} ms; ${rejected} pushes rejected (VAPID/decryption)`,
      },
    ];
  } finally {
    await server.close();
    await push.close();
    await sms.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function openCase(i: number, now: number): CaseRecord {
  const priorities = ['critical', 'high', 'medium', 'low'] as const;
  const id = randomUUID();
  const record = applyChange(
    null,
    caseChangeSchema.parse({
      type: 'created',
      title: `Sak ${i}`,
      priority: priorities[i % 4],
      channel: 'phone',
      requester: { name: 'Kari', municipalityId: 'molde' },
    }),
    {
      caseId: id,
      at: new Date(now - (i % 600) * 60_000).toISOString(),
      actorId: 'bench',
      actorRole: 'agent',
      seq: i + 1,
    },
  );
  return { ...record, number: `2026-${String(i + 1).padStart(5, '0')}` };
}

async function recompute(
  label: string,
  location: { dataDir: string; databaseUrl?: string },
  count: number,
): Promise<BenchResult[]> {
  const now = new Date('2026-03-04T09:00:00.000Z');
  const server = await startServer({
    ...location,
    config: defaultServiceConfig,
    now: () => now,
    options: { staticDir: null },
  });
  try {
    const ctx = server.ctx;
    for (let i = 0; i < count; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(count, i + 500); j++)
        rows.push(caseRow(openCase(j, now.getTime())));
      await ctx.db.insertInto('cases').values(rows).execute();
    }
    // The timers as they stand (what a running server already holds).
    await recomputeIfBasisChanged(ctx);
    const sla = slaConfigSchema.parse({
      targets: { high: { responseMinutes: 30, resolutionMinutes: 480, calendar: 'support' } },
    });
    await writeSlaSettings(ctx.db, ctx.config.sla, {
      sla,
      baseVersion: 0,
      userId: 'bench',
      deviceId: 'bench',
      at: now,
    });
    const started = performance.now();
    const done = await recomputeIfBasisChanged(ctx);
    const seconds = (performance.now() - started) / 1000;
    const timers = await ctx.db
      .selectFrom('timers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    return [
      {
        name: `paging: ${count.toLocaleString('en')} open cases' SLA timers recomputed after a target change, ${label}`,
        value: seconds,
        unit: 's',
        target: '< 2 s',
        note: `${done} cases, ${Number(timers.n)} pending timers`,
      },
    ];
  } finally {
    await server.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push(...(await pageLatency(Number(process.env.PAGING_BENCH_CASES ?? 200))));
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-paging-recompute-'));
  try {
    results.push(...(await recompute('SQLite', { dataDir: dir }, 10_000)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const client = new pg.Client({ connectionString: postgresBase, connectionTimeoutMillis: 2000 });
  const reachable = await client.connect().then(
    () => true,
    () => false,
  );
  if (reachable) {
    const schema = `paging_bench_${randomBytes(4).toString('hex')}`;
    const url = new URL(postgresBase);
    url.searchParams.set('schema', schema);
    const pgDir = mkdtempSync(join(tmpdir(), 'saksbord-paging-recompute-pg-'));
    try {
      results.push(
        ...(await recompute('PostgreSQL', { dataDir: pgDir, databaseUrl: url.toString() }, 10_000)),
      );
    } finally {
      await client.query(`drop schema if exists "${schema}" cascade`);
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
  await client.end().catch(() => {});
  return results;
}
