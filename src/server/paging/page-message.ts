import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
/**
 * One page on its way to one channel: what the senders get. The paging service writes these
 * into the notification outbox inside the transaction that decided the page; a sender turns
 * one into a Web Push request, an SMS gateway request or a mail.
 */
export type PageChannel = 'push' | 'sms' | 'email';

export interface PageMessage {
  /** The log row of this page ("paged"), also the idempotency reference sent to gateways. */
  id: string;
  channel: PageChannel;
  caseId: string;
  incidentId: string | null;
  step: number | null;
  /** 'user:<id>' or 'tel:<digits>'. */
  target: string;
  targetName: string;
  /** Where it goes: a push subscription id, a phone number, an e-mail address. */
  address: string;
  /** Short text (an SMS, the push notification's title + body). */
  title: string;
  body: string;
  /** The signed acknowledgement link, when the message can acknowledge. */
  ackUrl: string | null;
  /** `page`, `repeat` or `slaWarning`. */
  purpose: 'page' | 'repeat' | 'slaWarning';
}

/** What a sender reports back. `gone`: the address no longer exists (push 404/410). */
export type SendOutcome =
  | { ok: true; detail: string }
  | { ok: false; detail: string; gone?: boolean; retry?: boolean };

/**
 * Records one delivery attempt in the paging log (the case history shows it): `delivered`
 * or `failed` with the peer's answer. Written after the send, outside any case transaction.
 */
export async function logDelivery(
  db: Kysely<Database>,
  message: PageMessage,
  outcome: SendOutcome,
): Promise<void> {
  await db
    .insertInto('paging_log')
    .values({
      id: randomUUID(),
      incident_id: message.incidentId,
      case_id: message.caseId,
      at: new Date().toISOString(),
      kind: outcome.ok ? 'delivered' : 'failed',
      step: message.step,
      target: message.target,
      target_name: message.targetName,
      channel: message.channel,
      detail: `${message.id} ${outcome.detail}`.slice(0, 500),
    })
    .execute();
}

/** How long an unfinished attempt holds a page before another may send it (real time). */
const SEND_HOLD_MS = 30_000;

/**
 * Starts sending one page: `go` (this attempt sends), `done` (an earlier attempt reached the
 * peer: do not send again), or `busy` (another attempt is under way: try later).
 */
export async function beginSend(
  db: Kysely<Database>,
  messageId: string,
): Promise<'go' | 'done' | 'busy'> {
  const now = new Date();
  const inserted = await db
    .insertInto('page_sends')
    .values({ message_id: messageId, started_at: now.toISOString(), finished_at: null, ok: null })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'go';
  const row = await db
    .selectFrom('page_sends')
    .selectAll()
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (!row) return 'busy';
  if (row.finished_at && Number(row.ok) === 1) return 'done';
  const stale = new Date(now.getTime() - SEND_HOLD_MS).toISOString();
  if (!row.finished_at && row.started_at > stale) return 'busy';
  const taken = await db
    .updateTable('page_sends')
    .set({ started_at: now.toISOString(), finished_at: null, ok: null })
    .where('message_id', '=', messageId)
    .where('started_at', '=', row.started_at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? 'go' : 'busy';
}

export async function finishSend(db: Kysely<Database>, messageId: string, ok: boolean) {
  await db
    .updateTable('page_sends')
    .set({ finished_at: new Date().toISOString(), ok: ok ? 1 : 0 })
    .where('message_id', '=', messageId)
    .execute();
}

/**
 * One attempt at one page through a channel: guarded by {@link beginSend}, logged in the
 * paging log, answered in the outbox's terms.
 */
export async function sendPage(
  db: Kysely<Database>,
  message: PageMessage,
  attempt: () => Promise<SendOutcome>,
): Promise<{ ok: true; detail?: string } | { ok: false; permanent: boolean; error: string }> {
  const start = await beginSend(db, message.id);
  if (start === 'done') return { ok: true, detail: 'sent by an earlier attempt' };
  if (start === 'busy')
    return { ok: false, permanent: false, error: 'another attempt is sending it' };
  const outcome = await attempt();
  await finishSend(db, message.id, outcome.ok);
  await logDelivery(db, message, outcome);
  return outcome.ok
    ? { ok: true, detail: outcome.detail }
    : { ok: false, permanent: !outcome.retry, error: outcome.detail };
}
