/**
 * The server's VAPID key pair (RFC 8292), made once and kept in the database, so every server
 * process signs with the same key and subscriptions survive restarts. Also the secret that
 * signs acknowledgement links.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../db/schema';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

async function getOrCreate<T>(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  make: () => T,
): Promise<T> {
  const existing = await db
    .selectFrom('oncall_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (existing) return JSON.parse(existing.value) as T;
  await db
    .insertInto('oncall_settings')
    .values({
      key,
      value: JSON.stringify(make()),
      updated_by: 'system',
      updated_at: new Date(0).toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Read back: with several processes starting at once, the first insert wins for all.
  const row = await db
    .selectFrom('oncall_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.value) as T;
}

export function vapidKeys(db: Kysely<Database>): Promise<VapidKeys> {
  return getOrCreate(db, 'vapid', () => webpush.generateVAPIDKeys());
}

export async function linkSecret(db: Kysely<Database> | Transaction<Database>): Promise<Buffer> {
  const hex = await getOrCreate(db, 'link-secret', () => randomBytes(32).toString('hex'));
  return Buffer.from(hex, 'hex');
}
