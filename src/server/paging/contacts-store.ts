/** How people are paged: their SMS number, e-mail and channel choices, and push subscriptions. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface PagingContact {
  userId: string;
  phone: string | null;
  email: string | null;
  pushOn: boolean;
  smsOn: boolean;
  emailOn: boolean;
}

export async function getContact(db: Db, userId: string): Promise<PagingContact> {
  const row = await db
    .selectFrom('paging_contacts')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    userId,
    phone: row?.phone ?? null,
    email: row?.email ?? null,
    pushOn: row ? Number(row.push_on) !== 0 : true,
    smsOn: row ? Number(row.sms_on) !== 0 : true,
    emailOn: row ? Number(row.email_on) !== 0 : true,
  };
}

export async function putContact(db: Db, contact: PagingContact, now: Date): Promise<void> {
  const values = {
    phone: contact.phone,
    email: contact.email,
    push_on: contact.pushOn ? 1 : 0,
    sms_on: contact.smsOn ? 1 : 0,
    email_on: contact.emailOn ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('paging_contacts')
    .values({ user_id: contact.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Stores a subscription (the same endpoint again moves it to this user with its new keys). */
export async function addPushSubscription(
  db: Db,
  userId: string,
  sub: PushSubscriptionInput,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('push_subscriptions')
    .values({
      id,
      user_id: userId,
      endpoint: sub.endpoint,
      p256dh: sub.keys.p256dh,
      auth: sub.keys.auth,
      created_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc
        .column('endpoint')
        .doUpdateSet({ user_id: userId, p256dh: sub.keys.p256dh, auth: sub.keys.auth }),
    )
    .execute();
  const row = await db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('endpoint', '=', sub.endpoint)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function removePushSubscription(db: Db, userId: string, endpoint: string) {
  await db
    .deleteFrom('push_subscriptions')
    .where('user_id', '=', userId)
    .where('endpoint', '=', endpoint)
    .execute();
}

export async function pushSubscriptionIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}
