/**
 * Acknowledgement links: signed (HMAC-SHA-256 with the server's link secret, shared by every
 * process through the database) and single-use (the token's hash is stored with the page and
 * marked used on the first acknowledgement). A link names the incident and who was paged.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Makes and stores a token for one page. */
export async function makeAckToken(
  db: Db,
  secret: Buffer,
  page: { incidentId: string; target: string; userId: string | null },
  expiresAt: Date,
): Promise<string> {
  const body = `${page.incidentId}.${randomBytes(12).toString('base64url')}`;
  const token = `${body}.${sign(secret, body)}`;
  await db
    .insertInto('ack_tokens')
    .values({
      token_hash: sha256(token),
      incident_id: page.incidentId,
      target: page.target,
      user_id: page.userId,
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export type AckTokenCheck =
  | { ok: true; incidentId: string; target: string; userId: string | null }
  | { ok: false; reason: 'invalid' | 'used' | 'expired' };

/** Checks a token's signature and state; `consume` marks it used (single use). */
export async function checkAckToken(
  db: Db,
  secret: Buffer,
  token: string,
  now: Date,
  consume: boolean,
): Promise<AckTokenCheck> {
  const dot = token.lastIndexOf('.');
  if (dot < 0) return { ok: false, reason: 'invalid' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const want = Buffer.from(sign(secret, body));
  if (given.length !== want.length || !timingSafeEqual(given, want)) {
    return { ok: false, reason: 'invalid' };
  }
  const row = await db
    .selectFrom('ack_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at < now.toISOString()) return { ok: false, reason: 'expired' };
  if (consume) {
    const done = await db
      .updateTable('ack_tokens')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
  }
  return { ok: true, incidentId: row.incident_id, target: row.target, userId: row.user_id };
}
