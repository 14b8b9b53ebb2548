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
