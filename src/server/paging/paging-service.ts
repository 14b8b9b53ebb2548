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
import { type PagingPlan, pagingPlan, targetKey } from '@core/oncall';
import { recordOf } from '../cases/case-rows';
import { cancelTimers, setTimer } from '../scheduler/timer-store';
import type { ServerContext } from '../server-context';
import { makeAckToken } from './ack-links';
import type { PageMessage } from './page-message';
import {
  addressesOf,
  deliverable,
  enqueueMessages,
  log,
  MINUTE_MS,
  type Trx,
  teamLeaderIds,
  userNames,
} from './paging-shared';
import { assignmentAt } from './rota-store';
import { recomputeSlaTimers } from './sla-warning-service';
import { linkSecret } from './vapid-keys';

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
    const addressed = await addressesOf(
      trx,
      target,
      names,
      deliverable(ctx, ['push', 'sms', 'email']),
    );
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
        detail: `no channel set up${ctx.config.paging.sms ? '' : ' (no SMS gateway configured)'}`,
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
