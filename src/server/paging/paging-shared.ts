/**
 * What paging's two halves (pages of a critical case, SLA warnings) share: the people to
 * page, their addresses on the channels this server can deliver, the paging log, and writing
 * page messages into the notification outbox.
 */
import { randomUUID } from 'node:crypto';
import type { PagingTarget } from '@core/oncall';
import { targetKey } from '@core/oncall';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { enqueue, type NewNotification } from '../notifications/outbox-store';
import type { ServerContext } from '../server-context';
import { getContact, pushSubscriptionIds } from './contacts-store';
import type { PageChannel, PageMessage } from './page-message';

export type Trx = Transaction<Database>;

export const MINUTE_MS = 60_000;
/** A page nobody could deliver within this long is given up (and logged as failed). */
export const PAGE_GIVE_UP_MS = 30 * MINUTE_MS;

export async function teamLeaderIds(trx: Trx): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'teamLeader')
    .where('disabled', '=', 0)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.id);
}

export async function log(
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

export async function userNames(trx: Trx, ids: string[]): Promise<Map<string, string>> {
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
export async function addressesOf(
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

/** The channels this server can deliver: SMS with a gateway, e-mail with a mail server. */
export function deliverable(ctx: ServerContext, wanted: readonly PageChannel[]): PageChannel[] {
  return wanted.filter(
    (c) =>
      c === 'push' || (c === 'sms' ? Boolean(ctx.config.paging.sms) : Boolean(ctx.config.mail)),
  );
}

function outboxChannel(channel: PageChannel): string {
  // Pages by mail go through paging's own mail sender (its text, its ack link), not the
  // case-notification templates; the outbox is shared.
  return channel === 'email' ? 'pageEmail' : channel;
}

export async function enqueueMessages(
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
