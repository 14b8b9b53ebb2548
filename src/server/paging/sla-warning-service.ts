/**
 * SLA warnings: core's rule (`slaWarningTimes`, `slaWarningRecipients`) turned into durable
 * timers — per case in the transaction of each change, and for every open case when a target
 * or the calendar changes — and, when one falls due and still holds, into in-app
 * notifications and a push (else an e-mail) to the assignee or the line and the team leaders.
 * A paused clock has no timers, so it warns nobody.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '@core/case';
import { slaWarningRecipients, slaWarningStillDue, slaWarningTimes } from '@core/oncall';
import { sql } from 'kysely';
import { recordOf } from '../cases/case-rows';
import { enqueue, type NewNotification } from '../notifications/outbox-store';
import { cancelTimers, setTimer } from '../scheduler/timer-store';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import type { PageMessage } from './page-message';
import {
  addressesOf,
  deliverable,
  enqueueMessages,
  log,
  PAGE_GIVE_UP_MS,
  type Trx,
  teamLeaderIds,
  userNames,
} from './paging-shared';

function slaKey(caseId: string, clock: string, level: string): string {
  return `sla:${caseId}:${clock}:${level}`;
}

/** Timers of a case's coming SLA warnings, in place of the pending ones. */
export async function recomputeSlaTimers(
  trx: Trx,
  ctx: ServerContext,
  record: CaseRecord,
  now: Date,
): Promise<void> {
  const sla = (await readSlaSettings(trx, ctx.config.sla)).sla;
  const times = slaWarningTimes(record, ctx.calendar, sla, now.getTime());
  const keys = times.map((t) => slaKey(record.id, t.clock, t.level));
  await cancelTimers(trx, record.id, `sla:${record.id}:`, keys);
  for (const t of times) {
    await setTimer(
      trx,
      {
        key: slaKey(record.id, t.clock, t.level),
        kind: 'sla',
        caseId: record.id,
        dueAt: t.at,
        payload: { clock: t.clock, level: t.level },
      },
      now,
    );
  }
}

/**
 * Every open case's SLA timers again (a target or the calendar changed): the pending ones are
 * dropped, the cases read in pages of 2,000, computed by core, and written with one
 * statement per page (the rows as one JSON parameter: json_each on SQLite,
 * json_to_recordset on PostgreSQL), so 10,000 cases cost a few statements, not thousands.
 * Warnings that already fired keep their row (and key): they are not sent again.
 */
export async function recomputeAllSlaTimers(
  ctx: ServerContext,
  trx: Trx,
  now: Date,
): Promise<number> {
  const sla = (await readSlaSettings(trx, ctx.config.sla)).sla;
  await trx
    .deleteFrom('timers')
    .where('kind', '=', 'sla')
    .where('state', 'in', ['pending', 'cancelled'])
    .execute();
  let count = 0;
  let after = '';
  const created = now.toISOString();
  for (;;) {
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'record'])
      .where('status', 'in', ['new', 'inProgress', 'waiting', 'reopened'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    const timers: Array<{
      id: string;
      key: string;
      case_id: string;
      due_at: string;
      payload: string;
    }> = [];
    for (const row of rows) {
      const record = recordOf(row);
      for (const t of slaWarningTimes(record, ctx.calendar, sla, now.getTime())) {
        timers.push({
          id: randomUUID(),
          key: slaKey(record.id, t.clock, t.level),
          case_id: record.id,
          due_at: new Date(t.at).toISOString(),
          payload: JSON.stringify({ clock: t.clock, level: t.level }),
        });
      }
    }
    if (timers.length > 0) await insertSlaTimers(ctx, trx, timers, created);
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return count;
}

async function insertSlaTimers(
  ctx: ServerContext,
  trx: Trx,
  timers: ReadonlyArray<{
    id: string;
    key: string;
    case_id: string;
    due_at: string;
    payload: string;
  }>,
  created: string,
): Promise<void> {
  const json = JSON.stringify(timers);
  if (ctx.handle.engine === 'postgres') {
    await sql`insert into timers (id, key, kind, case_id, due_at, payload, state, created_at)
      select x.id, x.key, 'sla', x.case_id, x.due_at, x.payload, 'pending', ${created}
      from json_to_recordset(${json}::json) as x(id text, key text, case_id text, due_at text, payload text)
      on conflict (key) do nothing`.execute(trx);
  } else {
    await sql`insert into timers (id, key, kind, case_id, due_at, payload, state, created_at)
      select value ->> 'id', value ->> 'key', 'sla', value ->> 'case_id', value ->> 'due_at',
             value ->> 'payload', 'pending', ${created}
      from json_each(${json}) where true
      on conflict (key) do nothing`.execute(trx);
  }
}

async function lineMembers(trx: Trx, record: CaseRecord): Promise<string[]> {
  const role = record.line === 1 ? 'agent' : record.line === 2 ? 'consultant' : 'senior';
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'municipality_ids'])
    .where('role', '=', role)
    .where('disabled', '=', 0)
    .execute();
  return rows
    .filter(
      (r) =>
        record.line !== 2 ||
        (JSON.parse(r.municipality_ids) as string[]).includes(record.requester.municipalityId),
    )
    .map((r) => r.id);
}

/** A due SLA warning: in the app (the outbox's in-app rows) and by push, else e-mail. */
export async function fireSlaWarning(
  trx: Trx,
  ctx: ServerContext,
  caseId: string,
  warning: { clock: 'response' | 'resolution'; level: 'atRisk' | 'breached' },
  now: Date,
): Promise<boolean> {
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'record'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return false;
  const record = recordOf(row);
  const sla = (await readSlaSettings(trx, ctx.config.sla)).sla;
  if (!slaWarningStillDue(record, ctx.calendar, sla, warning, now.getTime())) return false;
  const recipients = slaWarningRecipients(record, await teamLeaderIds(trx));
  const people = new Set<string>();
  for (const r of recipients) {
    if (r.kind === 'person') people.add(r.userId);
    else for (const id of await lineMembers(trx, record)) people.add(id);
  }
  const names = await userNames(trx, [...people]);
  const words = warning.level === 'atRisk' ? 'i faresona' : 'brote';
  const clockWord = warning.clock === 'response' ? 'Responstid' : 'Løysingstid';
  const title = `${clockWord} ${words}: sak ${record.number ?? ''}`.trim();
  const messages: Array<{ message: PageMessage; dedupeKey: string; userId: string | null }> = [];
  const inApp: NewNotification[] = [];
  for (const userId of people) {
    inApp.push({
      caseId,
      dedupeKey: `sla:${caseId}:${warning.clock}:${warning.level}:${userId}:inApp`,
      kind: 'slaWarning',
      channel: 'inApp',
      recipient: { userId, name: names.get(userId) ?? null },
      template: 'slaWarning',
      payload: { caseId, caseNumber: record.number, title: record.title, ...warning },
      giveUpAt: new Date(now.getTime() + PAGE_GIVE_UP_MS),
    });
    const addressed = await addressesOf(
      trx,
      { kind: 'person', userId },
      names,
      deliverable(ctx, ['push', 'email']),
    );
    const chosen = addressed.some((a) => a.channel === 'push')
      ? addressed.filter((a) => a.channel === 'push')
      : addressed.filter((a) => a.channel === 'email');
    for (const a of chosen) {
      const message: PageMessage = {
        id: randomUUID(),
        channel: a.channel,
        caseId,
        incidentId: null,
        step: null,
        target: a.target,
        targetName: a.targetName,
        address: a.address,
        title,
        body: record.title,
        ackUrl: null,
        purpose: 'slaWarning',
      };
      messages.push({
        message,
        dedupeKey: `sla:${caseId}:${warning.clock}:${warning.level}:${a.target}:${a.channel}:${a.address}`,
        userId,
      });
    }
  }
  await enqueue(trx, now, inApp);
  await enqueueMessages(trx, now, messages, 'slaWarning');
  await log(trx, {
    incidentId: null,
    caseId,
    at: now,
    kind: 'slaWarning',
    detail: `${warning.clock}:${warning.level}`,
    targetName: [...people]
      .map((id) => names.get(id) ?? id)
      .join(', ')
      .slice(0, 500),
  });
  return true;
}

/** The timer handlers: a page step, an SLA warning. */
