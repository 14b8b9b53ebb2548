/**
 * The notification outbox's rows: enqueue (inside the case event's transaction), claim
 * (row locks: FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer at a time),
 * settle (sent / retry / given up), and the admins' "could not deliver" list.
 */
import { randomUUID } from 'node:crypto';
import { afterFailure, type RetryPolicy } from '@core/notifications/retry-policy';
import type { Kysely, Transaction } from 'kysely';
import type { Engine } from '../db/database';
import type { Database } from '../db/schema';
import type { NotificationRecipient, OutboxNotification } from './channel-sender';
import type { NotificationsTable } from './notification-tables';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  caseId: string | null;
  /**
   * What makes it unique, e.g. `<event id>:<kind>:<recipient>:<channel>:<step>`. Enqueueing
   * the same key again does nothing.
   */
  dedupeKey: string;
  kind: string;
  channel: string;
  recipient: NotificationRecipient;
  template: string;
  payload: Record<string, unknown>;
  /** Not before this instant (default: now). */
  notBefore?: Date;
  /** Given up after this instant. */
  giveUpAt: Date;
}

/** Writes notifications; call inside the transaction of the event that causes them. */
export async function enqueue(
  db: Db,
  now: Date,
  items: readonly NewNotification[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items) {
    const id = randomUUID();
    const result = await db
      .insertInto('notifications')
      .values({
        id,
        case_id: item.caseId,
        dedupe_key: item.dedupeKey,
        kind: item.kind,
        channel: item.channel,
        recipient: JSON.stringify(item.recipient),
        template: item.template,
        payload: JSON.stringify(item.payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: (item.notBefore ?? now).toISOString(),
        give_up_at: item.giveUpAt.toISOString(),
        claimed_by: null,
        claimed_until: null,
        created_at: now.toISOString(),
        sent_at: null,
        last_error: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) ids.push(id);
  }
  return ids;
}

export function toOutboxNotification(row: NotificationsTable): OutboxNotification {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    channel: row.channel,
    recipient: JSON.parse(row.recipient) as NotificationRecipient,
    template: row.template,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
  };
}

export interface ClaimedRow extends OutboxNotification {
  giveUpAt: string;
  /** Until when this worker's claim holds (epoch ms). */
  claimedUntil: number;
}

/**
 * Claims up to `limit` due notifications of `channels` for `worker` until `now + leaseMs`:
 * pending ones whose time has come, and ones another worker claimed and never settled (it
 * crashed; its lease ran out). One UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)
 * RETURNING: two processes never claim the same row.
 */
export async function claimDue(
  db: Kysely<Database>,
  engine: Engine,
  worker: string,
  channels: readonly string[],
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedRow[]> {
  if (channels.length === 0) return [];
  const at = now.toISOString();
  let due = db
    .selectFrom('notifications')
    .select('id')
    .where('channel', 'in', [...channels])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({
      status: 'sending',
      claimed_by: worker,
      claimed_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map((row) => ({
    ...toOutboxNotification(row),
    giveUpAt: row.give_up_at,
    claimedUntil: Date.parse(row.claimed_until ?? ''),
  }));
}

/**
 * Renews this worker's claim on a row just before sending it (rows of a claimed batch wait
 * their turn, and a lease that ran out meanwhile may have been taken over). False when the
 * claim is no longer ours: the row must not be sent.
 */
export async function renewClaim(
  db: Kysely<Database>,
  id: string,
  worker: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'sending')
    .where('claimed_until', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a claimed notification sent. False when the claim was lost (lease ran out). */
export async function markSent(
  db: Kysely<Database>,
  id: string,
  worker: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({
      status: 'sent',
      sent_at: now.toISOString(),
      // claimed_by stays: which process sent it.
      claimed_until: null,
      last_error: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** After a failed attempt: back to pending at the backoff's next instant, or given up. */
export async function markFailedAttempt(
  db: Kysely<Database>,
  row: ClaimedRow,
  worker: string,
  now: Date,
  error: string,
  permanent: boolean,
  policy: RetryPolicy,
): Promise<'retry' | 'giveUp'> {
  const decision = afterFailure(now, row.attempts, row.giveUpAt, permanent, policy);
  await db
    .updateTable('notifications')
    .set(
      decision.action === 'retry'
        ? {
            status: 'pending',
            next_attempt_at: decision.nextAttemptAt,
            claimed_by: null,
            claimed_until: null,
            last_error: error.slice(0, 2000),
          }
        : {
            status: 'failed',
            claimed_by: null,
            claimed_until: null,
            last_error: error.slice(0, 2000),
          },
    )
    .where('id', '=', row.id)
    .where('claimed_by', '=', worker)
    .execute();
  return decision.action;
}

export interface FailedNotification {
  id: string;
  caseId: string | null;
  kind: string;
  channel: string;
  /** The address or name shown to admins. */
  recipient: string;
  attempts: number;
  createdAt: string;
  lastError: string;
}

/** The "could not deliver" list, newest first. */
export async function listFailed(db: Db, limit = 200): Promise<FailedNotification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'failed')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const recipient = JSON.parse(row.recipient) as NotificationRecipient;
    return {
      id: row.id,
      caseId: row.case_id,
      kind: row.kind,
      channel: row.channel,
      recipient: String(
        recipient.email ?? recipient.phone ?? recipient.name ?? recipient.userId ?? '',
      ),
      attempts: Number(row.attempts),
      createdAt: row.created_at,
      lastError: row.last_error ?? '',
    };
  });
}

/**
 * An admin's retry: a given-up notification is pending again now, with a fresh give-up
 * time. False when it is not (or no longer) in the list.
 */
export async function retryFailed(
  db: Db,
  id: string,
  now: Date,
  giveUpAfterMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({
      status: 'pending',
      next_attempt_at: now.toISOString(),
      give_up_at: new Date(now.getTime() + giveUpAfterMs).toISOString(),
      attempts: 0,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Counts per status (metrics, bench). */
export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Deletes delivered notifications older than `keepMs` (default use: 180 days). Replies to
 * older mail still find their case by the case's thread id in References.
 */
export async function pruneSent(db: Db, now: Date, keepMs: number): Promise<number> {
  const result = await db
    .deleteFrom('notifications')
    .where('status', '=', 'sent')
    .where('sent_at', '<', new Date(now.getTime() - keepMs).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
