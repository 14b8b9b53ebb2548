/**
 * Acknowledging a page by its link: the token is checked and used up, the incident closed as
 * acknowledged (by whom, through the link), and the case gets an `acknowledged` event from
 * the person paged — the first response, through the one write path — which stops the
 * escalation timers.
 */
import { randomUUID } from 'node:crypto';
import { isStaff } from '@core/rules';
import { actorOf, type CaseActor } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import { writeTransaction } from '../db/write-lock';
import type { ServerContext } from '../server-context';
import { findUserById } from '../users/user-store';
import { checkAckToken } from './ack-links';
import { closeIncidents } from './paging-service';
import { linkSecret } from './vapid-keys';

export type AckOutcome =
  | { ok: true; caseId: string; caseNumber: string | null; by: string }
  | { ok: false; reason: 'invalid' | 'used' | 'expired' | 'closed' };

async function actorFor(ctx: ServerContext, userId: string | null): Promise<CaseActor | null> {
  const ids: string[] = [];
  if (userId) ids.push(userId);
  // A number (the shared on-call phone, an office phone) acknowledges as the team leader.
  const leaders = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'teamLeader')
    .where('disabled', '=', 0)
    .orderBy('username')
    .execute();
  ids.push(...leaders.map((l) => l.id));
  for (const id of ids) {
    const user = await findUserById(ctx.db, id);
    if (user && !user.disabled && isStaff(user)) return actorOf(user);
  }
  return null;
}

export async function acknowledgeWithToken(ctx: ServerContext, token: string): Promise<AckOutcome> {
  const secret = await linkSecret(ctx.db);
  const result = await writeTransaction(ctx.db, async (trx) => {
    const now = ctx.now();
    const check = await checkAckToken(trx, secret, token, now, true);
    if (!check.ok) return check;
    const incident = await trx
      .selectFrom('paging_incidents')
      .select(['case_id', 'status'])
      .where('id', '=', check.incidentId)
      .executeTakeFirst();
    if (!incident) return { ok: false as const, reason: 'invalid' as const };
    if (incident.status !== 'open') return { ok: false as const, reason: 'closed' as const };
    const user = check.userId ? await findUserById(trx, check.userId) : undefined;
    const by = user?.displayName ?? check.target;
    await closeIncidents(trx, ctx, incident.case_id, now, 'acknowledged', by, 'link');
    return { ok: true as const, caseId: incident.case_id, userId: check.userId, by };
  });
  if (!result.ok) return result;
  const actor = await actorFor(ctx, result.userId);
  if (actor) {
    await applyMutation(ctx, actor, 'paging-link', {
      mutationId: randomUUID(),
      caseId: result.caseId,
      baseVersion: 0,
      clientAt: ctx.now().toISOString(),
      change: { type: 'acknowledged' },
    });
  }
  const row = await ctx.db
    .selectFrom('cases')
    .select('number')
    .where('id', '=', result.caseId)
    .executeTakeFirst();
  return { ok: true, caseId: result.caseId, caseNumber: row?.number ?? null, by: result.by };
}

/** Checks a token without using it (the page the link opens). */
export async function peekToken(ctx: ServerContext, token: string) {
  return checkAckToken(ctx.db, await linkSecret(ctx.db), token, ctx.now(), false);
}
