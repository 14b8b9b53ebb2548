/**
 * Paging: the effects of core's paging plan and SLA warning rule, written in the transaction
 * of the case event that caused them (the outbox pattern): an incident row, the pages as
 * outbox notifications (one per channel and address), the paging log (the case history) and
 * the durable timers of the next escalation step and the SLA warnings.
 *
 * `schedulePaging` runs inside the write path (cases/mutation-service.ts) for every applied
 * change; the timer handlers run inside the scheduler's fire transaction. Neither sends
 * anything itself: the outbox dispatcher delivers after the commit, through the push, SMS and
 * e-mail senders.
 */
import { randomUUID } from 'node:crypto';
import type { CaseChange, CaseRecord } from '@core/case';
import { isOpenStatus } from '@core/case';
import {
  type PagingPlan,
  type PagingTarget,
  pagingPlan,
  slaWarningRecipients,
  slaWarningStillDue,
  slaWarningTimes,
  targetKey,
} from '@core/oncall';
import { sql, type Transaction } from 'kysely';
import { recordOf } from '../cases/case-rows';
import type { Database } from '../db/schema';
import { enqueue, type NewNotification } from '../notifications/outbox-store';
import { cancelTimers, setTimer } from '../scheduler/timer-store';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import { makeAckToken } from './ack-links';
import { getContact, pushSubscriptionIds } from './contacts-store';
import type { PageChannel, PageMessage } from './page-message';
import { assignmentAt } from './rota-store';
import { linkSecret } from './vapid-keys';

type Trx = Transaction<Database>;

const MINUTE_MS = 60_000;
/** A page nobody could deliver within this long is given up (and logged as failed). */
const PAGE_GIVE_UP_MS = 30 * MINUTE_MS;

export interface PagingChange {
  before: CaseRecord | null;
  after: CaseRecord;
  change: CaseChange;
  actorId: string;
}

/** Called once per applied case change, inside its write transaction. */
export async function schedulePaging(trx: Trx, ctx: ServerContext, c: PagingChange): Promise<void> {
  const now = ctx.now();
  const { before, after } = c;
  const open = isOpenStatus(after.status);
  if (open && after.priority === 'critical' && before?.priority !== 'critical') {
    await startIncident(trx, ctx, after, now);
  } else if (before) {
    const acknowledged =
      c.change.type === 'acknowledged' ||
      (after.firstResponseAt !== null && !before.firstResponseAt);
    if (acknowledged)
      await closeIncidents(trx, ctx, after.id, now, 'acknowledged', c.actorId, 'app');
    else if (!open || after.priority !== 'critical') {
      await closeIncidents(trx, ctx, after.id, now, 'closed', c.actorId, null);
    }
  }
  if (ctx.config.paging.slaWarnings) await recomputeSlaTimers(trx, ctx, after, now);
}

async function teamLeaderIds(trx: Trx): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'teamLeader')
    .where('disabled', '=', 0)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.id);
}

async function log(
  trx: Trx,
  row: {
    incidentId: string | null;
    caseId: string;
    at: Date;
    kind: string;
    step?: number | null;
    target?: string | null;
    targetName?: string | null;
    channel?: string | null;
    detail?: string;
    id?: string;
  },
): Promise<void> {
  await trx
    .insertInto('paging_log')
    .values({
      id: row.id ?? randomUUID(),
      incident_id: row.incidentId,
      case_id: row.caseId,
      at: row.at.toISOString(),
      kind: row.kind,
      step: row.step ?? null,
      target: row.target ?? null,
      target_name: row.targetName ?? null,
      channel: row.channel ?? null,
      detail: row.detail ?? '',
    })
    .execute();
}

async function startIncident(trx: Trx, ctx: ServerContext, record: CaseRecord, now: Date) {
  const org = ctx.config.organisation;
  const assignment = await assignmentAt(ctx, trx, now.getTime());
  const plan = pagingPlan(
    ctx.calendar,
    ctx.config.paging,
    {
      assignment,
      teamLeaderIds: await teamLeaderIds(trx),
      onCallPhone: ctx.config.calendar.phoneNumbers.onCall,
      teamLeaderPhone: org.supportTeamLeaderPhone,
      itManagerPhone: org.itManagerPhone,
    },
    now.getTime(),
  );
  const id = randomUUID();
  await trx
    .insertInto('paging_incidents')
    .values({
      id,
      case_id: record.id,
      started_at: now.toISOString(),
      mode: plan.mode,
      period_id: assignment?.period.id ?? null,
      plan: JSON.stringify(plan),
      step: -1,
      status: 'open',
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledged_via: null,
    })
    .execute();
  await log(trx, {
    incidentId: id,
    caseId: record.id,
    at: now,
    kind: 'critical',
    detail: plan.mode,
    targetName: assignment?.primaryId ?? null,
  });
  const first = plan.steps[0];
  if (!first) return;
  if (first.afterMinutes === 0) await pageStep(trx, ctx, id, record, plan, 0, now, now);
  else await setStepTimer(trx, id, record.id, plan, 0, now, now);
}

async function setStepTimer(
  trx: Trx,
  incidentId: string,
  caseId: string,
  plan: PagingPlan,
  index: number,
  startedAt: Date,
  now: Date,
) {
  const step = plan.steps[index];
  if (!step) return;
  await setTimer(
    trx,
    {
      key: `page:${incidentId}:${index}`,
      kind: 'page',
      caseId,
      dueAt: startedAt.getTime() + step.afterMinutes * MINUTE_MS,
      payload: { incidentId, step: index },
    },
    now,
  );
}

async function userNames(trx: Trx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

const numberNames: Record<string, string> = {
  onCallPhone: 'Vakttelefonen',
  teamLeaderPhone: 'Teamleiar (kontortelefon)',
  itManagerPhone: 'IT-sjef (kontortelefon)',
  extra: 'Nummer i oppsettet',
};

interface Addressed {
  channel: PageChannel;
  address: string;
  target: string;
  targetName: string;
  userId: string | null;
}

/** Every channel a target has set up. A person with none is reported back as such. */
async function addressesOf(
  trx: Trx,
  target: PagingTarget,
  names: Map<string, string>,
  channels: readonly PageChannel[] = ['push', 'sms', 'email'],
): Promise<Addressed[]> {
  const key = targetKey(target);
  if (target.kind === 'number') {
    return channels.includes('sms')
      ? [
          {
            channel: 'sms',
            address: target.phone,
            target: key,
            targetName: `${numberNames[target.label]} ${target.phone}`,
            userId: null,
          },
        ]
      : [];
  }
  const name = names.get(target.userId) ?? target.userId;
  const contact = await getContact(trx, target.userId);
  const list: Addressed[] = [];
  const base = { target: key, targetName: name, userId: target.userId };
  if (contact.pushOn && channels.includes('push')) {
    for (const id of await pushSubscriptionIds(trx, target.userId)) {
      list.push({ channel: 'push', address: id, ...base });
    }
  }
  if (contact.smsOn && contact.phone && channels.includes('sms')) {
    list.push({ channel: 'sms', address: contact.phone, ...base });
  }
  if (contact.emailOn && contact.email && channels.includes('email')) {
    list.push({ channel: 'email', address: contact.email, ...base });
  }
  return list;
}

function outboxChannel(channel: PageChannel): string {
  // Pages by mail go through paging's own mail sender (its text, its ack link), not the
  // case-notification templates; the outbox is shared.
  return channel === 'email' ? 'pageEmail' : channel;
}

async function enqueueMessages(
  trx: Trx,
  now: Date,
  messages: Array<{ message: PageMessage; dedupeKey: string; userId: string | null }>,
  kind: string,
): Promise<void> {
  const items: NewNotification[] = messages.map(({ message, dedupeKey, userId }) => ({
    caseId: message.caseId,
    dedupeKey,
    kind,
    channel: outboxChannel(message.channel),
    recipient: {
      userId,
      name: message.targetName,
      ...(message.channel === 'sms' ? { phone: message.address } : {}),
      ...(message.channel === 'email' ? { email: message.address } : {}),
      ...(message.channel === 'push' ? { subscriptionId: message.address } : {}),
    },
    template: kind,
    payload: message as unknown as Record<string, unknown>,
    giveUpAt: new Date(now.getTime() + PAGE_GIVE_UP_MS),
  }));
  await enqueue(trx, now, items);
}

function caseLabel(record: CaseRecord): string {
  return `${record.number ?? record.id.slice(0, 8)}: ${record.title}`;
}

/** Pages one step of an incident's plan: every target on every channel it has. */
export async function pageStep(
  trx: Trx,
  ctx: ServerContext,
  incidentId: string,
  record: CaseRecord,
  plan: PagingPlan,
  index: number,
  startedAt: Date,
  now: Date,
): Promise<void> {
  const step = plan.steps[index];
  if (!step) return;
  const names = await userNames(
    trx,
    step.targets.flatMap((t) => (t.kind === 'person' ? [t.userId] : [])),
  );
  // The transaction's own connection: SQLite has one, and a second query would wait on it.
  const secret = await linkSecret(trx);
  const base = ctx.config.paging.publicUrl.replace(/\/$/, '');
  const messages: Array<{ message: PageMessage; dedupeKey: string; userId: string | null }> = [];
  if (index > 0 || plan.mode === 'insideHours') {
    await log(trx, {
      incidentId,
      caseId: record.id,
      at: now,
      kind: 'escalated',
      step: index,
      detail: step.role,
    });
  }
  for (const target of step.targets) {
    const addressed = await addressesOf(trx, target, names);
    if (addressed.length === 0) {
      await log(trx, {
        incidentId,
        caseId: record.id,
        at: now,
        kind: 'failed',
        step: index,
        target: targetKey(target),
        targetName:
          target.kind === 'person' ? (names.get(target.userId) ?? target.userId) : target.phone,
        detail: 'no channel set up',
      });
      continue;
    }
    const token = await makeAckToken(
      trx,
      secret,
      {
        incidentId,
        target: targetKey(target),
        userId: target.kind === 'person' ? target.userId : null,
      },
      new Date(now.getTime() + 24 * 3600_000),
    );
    const ackUrl = `${base}/api/v1/paging/ack/${encodeURIComponent(token)}`;
    for (const a of addressed) {
      const message: PageMessage = {
        id: randomUUID(),
        channel: a.channel,
        caseId: record.id,
        incidentId,
        step: index,
        target: a.target,
        targetName: a.targetName,
        address: a.address,
        title: `KRITISK sak ${record.number ?? ''}`.trim(),
        body: `${record.title} (${record.requester.municipalityId}). Kvitter:`,
        ackUrl,
        purpose: 'page',
      };
      messages.push({
        message,
        dedupeKey: `page:${incidentId}:${index}:${a.target}:${a.channel}:${a.address}`,
        userId: a.userId,
      });
      await log(trx, {
        id: message.id,
        incidentId,
        caseId: record.id,
        at: now,
        kind: 'paged',
        step: index,
        target: a.target,
        targetName: a.targetName,
        channel: a.channel,
        detail: caseLabel(record).slice(0, 200),
      });
    }
  }
  await enqueueMessages(trx, now, messages, 'oncallPage');
  await trx
    .updateTable('paging_incidents')
    .set({ step: index })
    .where('id', '=', incidentId)
    .execute();
  await setStepTimer(trx, incidentId, record.id, plan, index + 1, startedAt, now);
}

/** Stops an incident's escalation: acknowledged (first response) or no longer critical/open. */
export async function closeIncidents(
  trx: Trx,
  ctx: ServerContext,
  caseId: string,
  now: Date,
  status: 'acknowledged' | 'closed',
  by: string | null,
  via: string | null,
): Promise<number> {
  const open = await trx
    .selectFrom('paging_incidents')
    .select(['id'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
  for (const { id } of open) {
    await trx
      .updateTable('paging_incidents')
      .set({
        status,
        acknowledged_at: status === 'acknowledged' ? now.toISOString() : null,
        acknowledged_by: status === 'acknowledged' ? by : null,
        acknowledged_via: status === 'acknowledged' ? via : null,
      })
      .where('id', '=', id)
      .execute();
    await log(trx, {
      incidentId: id,
      caseId,
      at: now,
      kind: status,
      targetName: by,
      channel: via,
    });
  }
  if (open.length > 0) await cancelTimers(trx, caseId, 'page:');
  void ctx;
  return open.length;
}

// ——— SLA warnings ———

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
      payload: { caseId, number: record.number, title: record.title, ...warning },
      giveUpAt: new Date(now.getTime() + PAGE_GIVE_UP_MS),
    });
    const addressed = await addressesOf(trx, { kind: 'person', userId }, names, ['push', 'email']);
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
export async function firePageTimer(
  trx: Trx,
  ctx: ServerContext,
  payload: { incidentId: string; step: number },
  now: Date,
): Promise<void> {
  const incident = await trx
    .selectFrom('paging_incidents')
    .selectAll()
    .where('id', '=', payload.incidentId)
    .executeTakeFirst();
  if (!incident || incident.status !== 'open' || incident.step >= payload.step) return;
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'record'])
    .where('id', '=', incident.case_id)
    .executeTakeFirst();
  if (!row) return;
  const record = recordOf(row);
  if (!isOpenStatus(record.status) || record.priority !== 'critical') {
    await closeIncidents(trx, ctx, record.id, now, 'closed', null, null);
    return;
  }
  const plan = JSON.parse(incident.plan) as PagingPlan;
  await pageStep(
    trx,
    ctx,
    incident.id,
    record,
    plan,
    payload.step,
    new Date(incident.started_at),
    now,
  );
}
