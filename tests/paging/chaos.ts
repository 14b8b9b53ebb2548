/**
 * The paging chaos run: critical cases at seeded instants in and out of support hours against
 * two real server processes on one PostgreSQL database, one of them SIGKILLed and started
 * again mid-run; a local Web Push service (decrypting, checking VAPID) and a recording SMS
 * gateway as the peers; seeded acknowledgements (by the link in the page, in the app, or
 * never). Afterwards every page the rules required is looked for at the peers:
 *
 * - required: for each case, the steps of core's paging plan (recomputed here from the rota
 *   and the calendar, not read from the server) that fell due before the acknowledgement
 *   (with one minute of slack) and before the end of the run, each target on each channel it
 *   has; `lost` counts those no peer received;
 * - `duplicated` counts a page (case, step, channel, address) a peer received more than once.
 *
 * The servers run on a shared accelerated clock (SAKSBORD_CLOCK): at speed 30 an escalation
 * step of 2 minutes is 4 real seconds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceCalendar } from '@core/calendar';
import type { CaseRecord } from '@core/case';
import { defaultServiceConfig } from '@core/config';
import {
  assignRota,
  onCallPeriodAt,
  type PagingPlan,
  pagingConfigSchema,
  pagingPlan,
  rotaSettingsSchema,
  targetKey,
} from '@core/oncall';
import pg from 'pg';
import { hashPassword } from '../../src/server/auth/passwords';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { addPushSubscription, putContact } from '../../src/server/paging/contacts-store';
import { putRotaSettings } from '../../src/server/paging/rota-store';
import { formatScaledClock } from '../../src/server/scheduler/scaled-clock';
import { createUser } from '../../src/server/users/user-store';
import { seededRandom } from '../convergence/convergence';
import { prepareCli } from '../convergence/server-processes';
import { startPushService } from '../doubles/push-service';
import { startSmsGateway } from '../doubles/sms-gateway';
import { PagingServer } from './paging-processes';

export interface PagingChaosOptions {
  cases: number;
  seed: number;
  /** Simulated minutes per real minute. */
  speed?: number;
  log?: (line: string) => void;
}

export interface PagingChaosResult {
  cases: number;
  paged: number;
  acknowledged: number;
  escalated: number;
  lost: number;
  duplicated: number;
  problems: string[];
}

const postgresBase = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const digits = (phone: string) => phone.replace(/\D/g, '').slice(-8);

export async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresBase, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return `PostgreSQL at ${postgresBase} is unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function runPagingChaos(options: PagingChaosOptions): Promise<PagingChaosResult> {
  const log = options.log ?? (() => {});
  const speed = options.speed ?? 30;
  const random = seededRandom(options.seed);
  const problems: string[] = [];
  const push = await startPushService();
  const sms = await startSmsGateway();
  const schema = `paging_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(postgresBase);
  url.searchParams.set('schema', schema);
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-paging-'));

  // Monday 2 March 2026, 15:40 in Oslo: support closes at 16:00, so the first cases fall
  // inside support hours and the rest on call.
  const simStart = Date.parse('2026-03-02T14:40:00.000Z');
  const paging = pagingConfigSchema.parse({
    sms: { url: `${sms.url}/send` },
    publicUrl: 'http://paging.invalid',
    escalateAfterMinutes: 2,
    insideHoursTeamLeaderAfterMinutes: 3,
  });
  const config = { ...defaultServiceConfig, paging };
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));

  // Accounts, rota and contacts, written before the servers start.
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(handle);
  const hash = await hashPassword('paging-chaos-1');
  const made = async (username: string, role: string) =>
    (
      await createUser(
        handle.db,
        { username, displayName: username, role, password: '' },
        new Date(),
        hash,
      )
    ).id;
  const intake = await made('intake', 'agent');
  const p1 = await made('vakt1', 'agent');
  const p2 = await made('vakt2', 'agent');
  const leader = await made('leiar', 'teamLeader');
  const rota = rotaSettingsSchema.parse({
    rotation: [p1, p2],
    anchorDate: '2026-03-02',
    rotateBy: 'week',
  });
  await putRotaSettings(handle.db, rota, leader, new Date(simStart));
  const phones: Record<string, string> = {
    [p1]: '900 00 001',
    [p2]: '900 00 002',
    [leader]: '900 00 009',
  };
  for (const [userId, phone] of Object.entries(phones)) {
    await putContact(
      handle.db,
      { userId, phone, email: null, pushOn: true, smsOn: true, emailOn: false },
      new Date(simStart),
    );
  }
  const subscription = push.subscribe();
  await addPushSubscription(handle.db, p1, subscription, new Date(simStart));
  // The push service's own name for the subscription (what it records a push under).
  const subId = subscription.endpoint.split('/').pop()!;
  await handle.close();

  const realStart = Date.now();
  const clock = { startMs: simStart, realStartMs: realStart, speed };
  const simNow = () => simStart + (Date.now() - realStart) * speed;
  const realAt = (sim: number) => realStart + (sim - simStart) / speed;
  const cli = await prepareCli();
  const env = {
    DATABASE_URL: url.toString(),
    SAKSBORD_CLOCK: formatScaledClock(clock),
    SAKSBORD_SCHEDULER_POLL_MS: '100',
  };
  const servers = [
    new PagingServer('A', cli, ['--config', configFile], env),
    new PagingServer('B', cli, ['--config', configFile], env),
  ];
  await Promise.all(servers.map((s) => s.start()));
  log(`servers up at ${new Date(simNow()).toISOString()} (simulated)`);

  const live = () => {
    const up = servers.filter((s) => s.running);
    return up[Math.floor(random() * up.length)] ?? servers[1]!;
  };
  async function request(path: string, init: RequestInit, tries = 20): Promise<Response> {
    let last: unknown;
    for (let i = 0; i < tries; i++) {
      const server = live();
      if (!server.url) {
        await sleep(200);
        continue;
      }
      try {
        return await fetch(`${server.url}${path}`, {
          ...init,
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        last = error;
        await sleep(200);
      }
    }
    throw new Error(`${path}: ${(last as Error)?.message ?? 'no server answered'}`);
  }
  const signIn = await request('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'intake', password: 'paging-chaos-1', deviceId: 'chaos' }),
  });
  const token = ((await signIn.json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  // Seeded plan: instants from the first free minute to 16:00 + a window, acknowledgements.
  // About a quarter of the window before support closes at 16:00, the rest on call.
  const windowMin = Math.max(8, Math.min(30, options.cases));
  const first = Math.max(
    simNow() + MINUTE,
    Date.parse('2026-03-02T15:00:00.000Z') - (windowMin / 4) * MINUTE,
  );
  const plans = Array.from({ length: options.cases }, () => ({
    id: randomUUID(),
    at: first + Math.floor(random() * windowMin * MINUTE),
    // 30 % never acknowledged; the rest after 0.5–7 simulated minutes.
    ackAfter: random() < 0.3 ? null : Math.floor((0.5 + random() * 6.5) * MINUTE),
  })).sort((a, b) => a.at - b.at);
  const last = plans[plans.length - 1]?.at ?? first;
  const killAt = plans[Math.floor(plans.length / 2)]?.at ?? first;

  const findLink = (caseId: string): string | null => {
    for (const p of push.received) {
      const payload = p.payload as { caseId?: string; ackUrl?: string };
      if (payload.caseId === caseId && payload.ackUrl) return new URL(payload.ackUrl).pathname;
    }
    return null;
  };
  const smsLinks = new Map<string, string>();
  const numberOf = new Map<string, string>();

  const tasks = plans.map(async (plan) => {
    await sleep(realAt(plan.at) - Date.now());
    const res = await request('/api/v1/cases', {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': plan.id },
      body: JSON.stringify({
        id: plan.id,
        title: `Kritisk feil ${plan.id.slice(0, 6)}`,
        priority: 'critical',
        channel: 'phone',
        requester: { name: 'Legevakta', municipalityId: 'molde' },
      }),
    });
    if (res.status !== 201) problems.push(`create ${plan.id}: ${res.status} ${await res.text()}`);
    else numberOf.set(plan.id, ((await res.json()) as { case: CaseRecord }).case.number ?? '');
    if (plan.ackAfter === null) return;
    await sleep(realAt(plan.at + plan.ackAfter) - Date.now());
    const number = numberOf.get(plan.id);
    const viaSms = [...sms.received].find(
      (m) => number && String(m.body?.message ?? '').includes(number),
    );
    const link =
      findLink(plan.id) ??
      (viaSms
        ? (String(viaSms.body?.message).match(/\/api\/v1\/paging\/ack\/\S+/)?.[0] ?? null)
        : null);
    if (link) {
      smsLinks.set(plan.id, link);
      const ack = await request(link, { method: 'POST' });
      if (ack.status === 200 || ack.status === 409) return;
      problems.push(`ack link ${plan.id}: ${ack.status}`);
    }
    const ack = await request(`/api/v1/cases/${plan.id}/changes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ change: { type: 'acknowledged' } }),
    });
    if (ack.status !== 200)
      problems.push(`ack in app ${plan.id}: ${ack.status} ${await ack.text()}`);
  });
  let killedAtReal = 0;
  const chaos = (async () => {
    await sleep(realAt(killAt) - Date.now() + 1500);
    log(`SIGKILL A at ${new Date(simNow()).toISOString()} (simulated), mid-escalation`);
    killedAtReal = Date.now();
    await servers[0]!.kill();
    await sleep(500);
    await servers[0]!.start();
    log(`A is back at ${new Date(simNow()).toISOString()} (simulated)`);
  })();
  await Promise.all([...tasks, chaos]);
  // The chain of the last case runs out (3 steps of 2 minutes) and deliveries settle.
  const end = last + (3 * paging.escalateAfterMinutes + 2) * MINUTE;
  await sleep(realAt(end) - Date.now());
  await sleep(3000);
  const endSim = simNow();
  await Promise.all(servers.map((s) => s.stop()));

  // What the rules required, recomputed here, against what the peers received.
  const db = new pg.Client({ connectionString: postgresBase });
  await db.connect();
  await db.query(`set search_path to "${schema}"`);
  const cases = (await db.query('select id, record from cases')).rows.map(
    (r: { record: string }) => JSON.parse(r.record) as CaseRecord,
  );
  const incidents = (await db.query('select * from paging_incidents')).rows as Array<{
    case_id: string;
    started_at: string;
    acknowledged_at: string | null;
    plan: string;
  }>;
  const pagedRows = (
    await db.query(`select id, case_id, step from paging_log where kind = 'paged'`)
  ).rows as Array<{
    id: string;
    case_id: string;
    step: number;
  }>;
  const failures = (
    await db.query(`select case_id, step, channel, detail from paging_log where kind = 'failed'`)
  ).rows;
  for (const f of failures) problems.push(`delivery failed: ${JSON.stringify(f)}`);
  const stuck = (
    await db.query(
      `select channel, status, attempts, last_error from notifications where status <> 'sent' and kind = 'oncallPage'`,
    )
  ).rows;
  for (const n of stuck) problems.push(`page not sent: ${JSON.stringify(n)}`);
  await db.query(`drop schema "${schema}" cascade`);
  await db.end();
  const refs = new Map(pagedRows.map((r) => [r.id, r]));

  const calendar = createServiceCalendar(config.calendar);
  const addressesOf = (key: string): string[] => {
    if (key.startsWith('tel:')) return [`sms:${digits(key)}`];
    const userId = key.slice(5);
    const list = [`sms:${digits(phones[userId] ?? '')}`];
    if (userId === p1) list.unshift(`push:${subId}`);
    return list;
  };
  const received = new Map<string, number>();
  const count = (key: string) => received.set(key, (received.get(key) ?? 0) + 1);
  for (const p of push.received) {
    const payload = p.payload as { caseId: string; step: number | null };
    if (payload.step === null) continue; // an SLA warning, not a page
    count(`${payload.caseId}:${payload.step}:push:${p.subscriptionId}`);
  }
  for (const m of sms.received) {
    const ref = refs.get(String(m.body?.reference ?? ''));
    if (!ref) {
      problems.push(`SMS with unknown reference ${String(m.body?.reference)}`);
      continue;
    }
    count(`${ref.case_id}:${ref.step}:sms:${digits(String(m.body?.to ?? ''))}`);
  }
  for (const r of push.rejected) problems.push(`push rejected: ${r.reason}`);

  let lost = 0;
  let paged = 0;
  let acknowledged = 0;
  let escalated = 0;
  for (const record of cases) {
    const incident = incidents.find((i) => i.case_id === record.id);
    // The instant the server decided at (the commit; the record's time may be the request's).
    const createdAt = incident ? Date.parse(incident.started_at) : Date.parse(record.createdAt);
    const period = onCallPeriodAt(calendar, createdAt, paging.handoverTime);
    const assignment = period ? (assignRota([period], rota, [])[0] ?? null) : null;
    const plan: PagingPlan = pagingPlan(
      calendar,
      paging,
      {
        assignment,
        teamLeaderIds: [leader],
        onCallPhone: config.calendar.phoneNumbers.onCall,
        teamLeaderPhone: config.organisation.supportTeamLeaderPhone,
        itManagerPhone: config.organisation.itManagerPhone,
      },
      createdAt,
    );
    const stored = incident ? (JSON.parse(incident.plan) as PagingPlan) : null;
    if (JSON.stringify(stored) !== JSON.stringify(plan)) {
      problems.push(`case ${record.number}: the server's plan differs from the rules`);
    }
    const ackAt = incident?.acknowledged_at
      ? Date.parse(incident.acknowledged_at)
      : record.firstResponseAt
        ? Date.parse(record.firstResponseAt)
        : null;
    if (ackAt !== null) acknowledged++;
    let anyPage = false;
    let escalatedHere = false;
    for (const step of plan.steps) {
      const due = createdAt + step.afterMinutes * MINUTE;
      const required = due <= endSim - MINUTE && (ackAt === null || due < ackAt - MINUTE);
      for (const target of step.targets) {
        for (const address of addressesOf(targetKey(target))) {
          const key = `${record.id}:${step.index}:${address}`;
          const n = received.get(key) ?? 0;
          if (n > 0) {
            anyPage = true;
            if (step.index > 0 || plan.mode === 'insideHours') escalatedHere = true;
          }
          if (required && n === 0) {
            lost++;
            problems.push(`lost: case ${record.number} step ${step.index} ${address}`);
          }
        }
      }
    }
    if (anyPage) paged++;
    if (escalatedHere) escalated++;
  }
  if (process.env.PAGING_CHAOS_DEBUG) {
    log(`received keys:\n${[...received.keys()].sort().join('\n')}`);
    log(`cases: ${cases.map((c) => `${c.number} ${c.id} ${c.createdAt}`).join('\n')}`);
  }
  let duplicated = 0;
  for (const [key, n] of received) {
    if (n > 1) {
      duplicated += n - 1;
      const [caseId, step] = key.split(':');
      const times = push.received
        .filter(
          (p) =>
            (p.payload as { caseId: string }).caseId === caseId &&
            String((p.payload as { step: number }).step) === step,
        )
        .map((p) => p.at - killedAtReal);
      problems.push(`duplicated ×${n}: ${key} (received ${times.join(', ')} ms after the kill)`);
    }
  }
  if (cases.length !== options.cases)
    problems.push(`${cases.length} cases stored, ${options.cases} made`);
  await push.close();
  await sms.close();
  rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) {
    for (const s of servers)
      log(`${s.name} output (last lines):\n${s.output.slice(-15).join('\n')}`);
  }
  return { cases: cases.length, paged, acknowledged, escalated, lost, duplicated, problems };
}

export function summaryLine(r: PagingChaosResult): string {
  return `paging: cases=${r.cases} paged=${r.paged} acknowledged=${r.acknowledged} escalated=${r.escalated} lost=${r.lost} duplicated=${r.duplicated}`;
}
