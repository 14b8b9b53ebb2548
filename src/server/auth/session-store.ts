/** Sessions: a hashed bearer token bound to a user and a device, with an expiry. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type StoredUser, toStoredUser } from '../users/user-store';
import { hashToken, newToken } from './tokens';

export const defaultSessionTtlMs = 14 * 24 * 3600_000;

export interface NewSession {
  token: string;
  expiresAt: string;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  deviceId: string,
  now: Date,
  ttlMs: number,
): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      device_id: deviceId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export interface SessionUser {
  user: StoredUser;
  deviceId: string;
  expiresAt: string;
  tokenHash: string;
}

/** The signed-in user of a token, or undefined when the token is unknown, expired or disabled. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.device_id', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row || Number(row.disabled) !== 0) return undefined;
  return { user: toStoredUser(row), deviceId: row.device_id, expiresAt: row.expires_at, tokenHash };
}

/**
 * The sessions among `tokenHashes` that are still valid at `now` (not signed out, not
 * expired, user not disabled), with their user as stored now: the live event streams re-check
 * their sessions with it (one query for all of them), so a session ended in another process
 * (the CLI, another server) ends its streams too, and a changed role or municipality list is
 * picked up.
 */
export async function activeSessions(
  db: Kysely<Database>,
  tokenHashes: readonly string[],
  now: Date,
): Promise<Map<string, SessionUser>> {
  const found = new Map<string, SessionUser>();
  if (tokenHashes.length === 0) return found;
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.token_hash', 'sessions.device_id', 'sessions.expires_at'])
    .where('sessions.token_hash', 'in', [...new Set(tokenHashes)])
    .where('sessions.expires_at', '>', now.toISOString())
    .execute();
  for (const row of rows) {
    if (Number(row.disabled) !== 0) continue;
    found.set(row.token_hash, {
      user: toStoredUser(row),
      deviceId: row.device_id,
      expiresAt: row.expires_at,
      tokenHash: row.token_hash,
    });
  }
  return found;
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function pruneExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
