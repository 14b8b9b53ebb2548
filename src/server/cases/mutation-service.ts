/**
 * The one write path for cases. Every change, whether pushed by a desktop app's outbox or
 * made through the REST endpoints (which wrap a server-made mutation), goes through
 * `applyMutation`: idempotency check → rules → per-field conflict decision → reducer →
 * event + case + mutation result, all in one transaction that holds the write lock.
 */
import { createHash, randomUUID } from 'node:crypto';
import { applyChange, type CaseEvent, type CaseRecord } from '@core/case';
import type { UserFacts } from '@core/rules';
import {
  appliedResult,
  boundClientTime,
  conflictResult,
  type Mutation,
  type MutationResult,
  rejectedResult,
} from '@core/sync';
import type { Transaction } from 'kysely';
import { currentCategories } from '../content/category-store';
import type { AttachmentsTable, Database } from '../db/schema';
import { nextCounter, writeTransaction } from '../db/write-lock';
import { enqueueNotifications } from '../notifications/case-notifications';
import { withRequesterAccount } from '../notifications/requester-account';
import { schedulePaging } from '../paging/paging-service';
import { indexCaseChange } from '../search/case-search-store';
import { notifyMentionsAndFollowers } from '../search/follow-notifications';
import type { ServerContext } from '../server-context';
import { findUserById } from '../users/user-store';
import { caseRow, eventRow, recordOf } from './case-rows';
import { type CaseActor, checkCaseChange, mayReadCase } from './case-rules';
import { decideConflicts } from './field-conflicts';

export interface MutationOutcome {
  result: MutationResult;
  /** The recorded event and the case after it (absent unless applied now). */
  event?: CaseEvent;
  record?: CaseRecord;
  /** True when the stored result of an earlier push was returned. */
  replayed: boolean;
  /** The case was created as or raised to critical by this mutation. */
  critical?: boolean;
  /** The case before the change (null when it created the case; absent unless applied now). */
  before?: CaseRecord | null;
}

/** The portal accounts a change concerns: the requester before and after it. */
export function requesterIdsOf(before: CaseRecord | null, after: CaseRecord): string[] {
  const ids = [before?.requester.userId, after.requester.userId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/** Year in the organisation's zone, for case numbers like 2026-00042. */
function caseYear(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now);
}

export interface MutationOptions {
  /**
   * The stored file an `attachmentAdded` change records. Its row is inserted in the same
   * transaction as the event, only once the rules allowed the change, so there is never an
   * attachment without its history entry or the other way round. Only the upload route sets
   * it; without it an `attachmentAdded` change is refused: a client cannot record an upload
   * that never happened (nor record a real one twice).
   */
  attachment?: AttachmentsTable;
}

/**
 * A requester files a case as themself: the name and municipality come from their account
 * (not from the form, where anything could be typed). The contact stays as typed: it is how
 * they want to be reached (a phone number the account does not hold).
 */
function requesterOwnDetails(actor: CaseActor, change: Mutation['change']): Mutation['change'] {
  if (actor.role !== 'requester' || change.type !== 'created') return change;
  const typed = change.requester.municipalityId;
  const municipalityId =
    actor.municipalityIds.length === 0 || actor.municipalityIds.includes(typed)
      ? typed
      : actor.municipalityIds[0]!;
  return {
    ...change,
    requester: {
      ...change.requester,
      name: actor.displayName,
      municipalityId,
    },
  };
}

/** SHA-256 of what a mutation asks for: its case and its change (ids and times aside). */
export function mutationBodyHash(mutation: Mutation): string {
  return createHash('sha256')
    .update(JSON.stringify([mutation.caseId, mutation.change]))
    .digest('hex');
}

/**
 * A merge or link must name a case that exists and that the actor may read: otherwise a
 * client could point a case at anything, or learn which ids exist. Refused with the rule
 * `merge.unknownCase` / `link.unknownCase` (the same for "missing" and "not yours to read").
 */
async function mergeOrLinkTarget(
  trx: Transaction<Database>,
  ctx: ServerContext,
  actor: CaseActor,
  change: Mutation['change'],
): Promise<{ rule: string; reason: string; params: Record<string, string> } | undefined> {
  if (change.type !== 'merged' && change.type !== 'linked') return undefined;
  const otherId = change.type === 'merged' ? change.intoCaseId : change.otherCaseId;
  const row = await trx
    .selectFrom('cases')
    .select('record')
    .where('id', '=', otherId)
    .executeTakeFirst();
  if (row && mayReadCase(ctx, actor, recordOf(row))) return undefined;
  return change.type === 'merged'
    ? { rule: 'merge.unknownCase', reason: 'no such case to merge into', params: {} }
    : { rule: 'link.unknownCase', reason: 'no such case to link to', params: {} };
}

export function becameCritical(before: CaseRecord | null, after: CaseRecord): boolean {
  return after.priority === 'critical' && before?.priority !== 'critical';
}

/** Applies one mutation in its own write transaction (the REST endpoints and uploads). */
export async function applyMutation(
  ctx: ServerContext,
  actor: CaseActor,
  deviceId: string,
  mutation: Mutation,
  options: MutationOptions = {},
): Promise<MutationOutcome> {
  const outcome = await writeTransaction(ctx.db, (trx) =>
    applyMutationIn(trx, ctx, actor, deviceId, mutation, options),
  );
  announce(ctx, outcome);
  return outcome;
}

/**
 * Applies a pushed batch in a few write transactions (chunks): each mutation is still decided
 * on its own (a refused one is recorded as rejected and the rest go on), but a chunk costs one
 * durable commit instead of one per mutation. Nothing is acknowledged before the last commit,
 * so a server killed mid-push loses nothing it acknowledged; the client pushes the batch again
 * and the stored results make it idempotent.
 */
export async function applyMutations(
  ctx: ServerContext,
  actor: CaseActor,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<MutationOutcome[]> {
  // In chunks, each its own write transaction: a 500-mutation push would otherwise hold the
  // write lock (and on SQLite the one connection, reads too) for over a second while every
  // other request waits. Between chunks the others get their turn. Nothing is acknowledged
  // before the last chunk commits; a crash in between leaves stored results, so the client's
  // retry of the whole batch is answered from them.
  const chunk = ctx.options.pushChunkSize ?? defaultPushChunkSize;
  const outcomes: MutationOutcome[] = [];
  for (let start = 0; start < mutations.length; start += chunk) {
    const part = mutations.slice(start, start + chunk);
    const done = await writeTransaction(ctx.db, async (trx) => {
      const applied: MutationOutcome[] = [];
      for (const mutation of part) {
        applied.push(await applyMutationIn(trx, ctx, actor, deviceId, mutation, {}));
      }
      return applied;
    });
    for (const outcome of done) announce(ctx, outcome);
    outcomes.push(...done);
    if (start + chunk < mutations.length) await new Promise((r) => setImmediate(r));
  }
  return outcomes;
}

/** Mutations per write transaction in a push. */
export const defaultPushChunkSize = 25;

/** Comments one case may hold. */
export const defaultMaxCommentsPerCase = 1_000;

/** After the commit: live events and metrics. */
function announce(ctx: ServerContext, outcome: MutationOutcome): void {
  if (outcome.event && outcome.record) {
    ctx.metrics.headSeq = Math.max(ctx.metrics.headSeq, outcome.event.seq);
    ctx.bus.committed({
      cursor: outcome.event.seq,
      requesterIds: requesterIdsOf(outcome.before ?? null, outcome.record),
      ...(outcome.critical
        ? { criticalCaseId: outcome.record.id, criticalCase: outcome.record }
        : {}),
    });
  }
  if (!outcome.replayed) ctx.metrics.recordMutation(outcome.result.status);
}

/** One mutation inside a write transaction that already holds the write lock. */
async function applyMutationIn(
  trx: Transaction<Database>,
  ctx: ServerContext,
  actor: CaseActor,
  deviceId: string,
  incoming: Mutation,
  options: MutationOptions,
): Promise<MutationOutcome> {
  const mutation = await withRequesterAccount(trx, actor, incoming);
  const { attachment } = options;
  if (
    attachment &&
    !(
      mutation.change.type === 'attachmentAdded' &&
      mutation.change.attachmentId === attachment.id &&
      attachment.case_id === mutation.caseId
    )
  ) {
    throw new Error('the attachment row does not match the attachmentAdded change');
  }
  const now = ctx.now();
  const at = now.toISOString();
  const { mutationId, caseId } = mutation;
  const change = requesterOwnDetails(actor, mutation.change);

  const bodyHash = mutationBodyHash(mutation);
  const stored = await trx
    .selectFrom('mutations')
    .select(['result', 'user_id', 'body_hash'])
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  if (stored) {
    // The same id with another body (or from another user) is not a retry: answering the
    // stored "applied" would tell the client its second body was kept while it was dropped.
    if (stored.user_id !== actor.id || (stored.body_hash && stored.body_hash !== bodyHash)) {
      return {
        result: rejectedResult(mutationId, 'mutation.idReused', 'this mutation id is already used'),
        replayed: false,
      };
    }
    return { result: JSON.parse(stored.result) as MutationResult, replayed: true };
  }

  const finish = async (result: MutationResult): Promise<MutationOutcome> => {
    await trx
      .insertInto('mutations')
      .values({
        mutation_id: mutationId,
        user_id: actor.id,
        case_id: caseId,
        result: JSON.stringify(result),
        created_at: at,
        body_hash: bodyHash,
      })
      .execute();
    return { result, replayed: false };
  };

  const row = await trx
    .selectFrom('cases')
    .select('record')
    .where('id', '=', caseId)
    .executeTakeFirst();
  const current = row ? recordOf(row) : null;

  const users = new Map<string, UserFacts>();
  if (change.type === 'assigned' && change.assigneeId) {
    const assignee = await findUserById(trx, change.assigneeId);
    if (assignee && !assignee.disabled) {
      users.set(change.assigneeId, {
        role: assignee.role,
        municipalityIds: assignee.municipalityIds,
      });
    }
  }
  if (change.type === 'attachmentAdded' && !attachment) {
    return finish(
      rejectedResult(
        mutationId,
        'attachment.uploadOnly',
        'attachments are added by uploading the file (POST /cases/{id}/attachments)',
      ),
    );
  }
  // Comments per case are bounded (a flood of them would slow every reader of the case).
  if (change.type === 'commented' && current) {
    const max = ctx.options.maxCommentsPerCase ?? defaultMaxCommentsPerCase;
    const count = await trx
      .selectFrom('case_events')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('case_id', '=', caseId)
      .where('change_type', '=', 'commented')
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= max) {
      return finish(
        rejectedResult(mutationId, 'case.tooManyComments', `at most ${max} comments per case`, {
          max,
        }),
      );
    }
  }
  const target = await mergeOrLinkTarget(trx, ctx, actor, change);
  if (target) return finish(rejectedResult(mutationId, target.rule, target.reason, target.params));
  const categories = change.type === 'created' ? await currentCategories(ctx, trx) : undefined;
  const decision = checkCaseChange(ctx, current, change, actor, users, categories);
  if (!decision.ok) {
    return finish(rejectedResult(mutationId, decision.rule, decision.reason, decision.params));
  }

  const { change: effective, conflicts } = await decideConflicts(
    trx,
    current,
    { ...mutation, change },
    actor.id,
    deviceId,
  );
  if (!effective) return finish(conflictResult(mutationId, conflicts));

  if (attachment) await trx.insertInto('attachments').values(attachment).execute();
  const seq = await nextCounter(trx, 'seq');
  // The case's own clock (SLA facts, created/updated times) follows when the work was done,
  // which for offline work is the client's time, bounded by the server: never later than its
  // clock, nor earlier than the offline window or the case's last change (core rule).
  const clientTime = boundClientTime(mutation.clientAt, {
    serverNow: now,
    notBefore: current?.updatedAt ?? null,
    maxOfflineMs: ctx.options.maxOfflineMs ?? ctx.options.sessionTtlMs,
  });
  const happenedAt = clientTime.happenedAt;
  let record = applyChange(current, effective, {
    caseId,
    at: happenedAt,
    actorId: actor.id,
    actorRole: actor.role,
    seq,
  });
  if (!current) {
    const year = caseYear(now, ctx.config.calendar.timeZone);
    const n = await nextCounter(trx, `case-number:${year}`);
    record = { ...record, number: `${year}-${String(n).padStart(5, '0')}` };
    await trx.insertInto('cases').values(caseRow(record)).execute();
  } else {
    const { id: _id, ...columns } = caseRow(record);
    await trx.updateTable('cases').set(columns).where('id', '=', caseId).execute();
  }
  const event: CaseEvent = {
    id: randomUUID(),
    caseId,
    seq,
    at,
    clientAt: happenedAt,
    ...(clientTime.claimed ? { claimedClientAt: clientTime.claimed } : {}),
    actorId: actor.id,
    deviceId,
    mutationId,
    change: effective,
  };
  await trx.insertInto('case_events').values(eventRow(event)).execute();
  // The search index follows in the same transaction: search never lags a committed change.
  await indexCaseChange(trx, ctx.handle.engine, record, effective);
  await enqueueNotifications(trx, ctx, { event, before: current, after: record, actor });
  await notifyMentionsAndFollowers(trx, ctx, { event, before: current, after: record, actor });
  await schedulePaging(trx, ctx, {
    before: current,
    after: record,
    change: effective,
    actorId: actor.id,
  });
  const critical = becameCritical(current, record);
  await ctx.bus.publish(trx, {
    cursor: seq,
    requesterIds: requesterIdsOf(current, record),
    ...(critical ? { criticalCaseId: caseId } : {}),
  });
  const result = await finish(appliedResult(mutationId, seq, conflicts));
  return { ...result, event, record, critical, before: current };
}
