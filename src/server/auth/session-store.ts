/** Sessions: a hashed bearer token bound to a user and a device, with an expiry. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type StoredUser, toStoredUser } from '../users/user-store';
import { hashToken, newToken } from './tokens';

export const defaultSessionTtlMs = 14 * 24 * 3600_000;

/**
 * A session not used for this long ends, whatever its lifetime says (ASVS 3.3.2): a laptop left
 * signed in over a long weekend must sign in again. Three days, so a consultant offline on site
 * for a day or two comes back still signed in; SAKSBORD_SESSION_IDLE_HOURS sets it (0 turns it off).
 */
export const defaultSessionIdleMs = 72 * 3600_000;

/** Extend a session's expiry at most once a minute, not on every request. */
const idleTouchStepMs = 60_000;

/**
 * When a session used at `now` expires: `idleMs` after now, but never past its lifetime
 * (`created + ttlMs`). With idle off, the lifetime alone.
 */
export function slidingExpiry(
  createdAt: Date,
  now: Date,
  limits: { ttlMs: number; idleMs: number },
): Date {
  const end = createdAt.getTime() + limits.ttlMs;
  if (limits.idleMs <= 0) return new Date(end);
  return new Date(Math.min(end, now.getTime() + limits.idleMs));
}

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
  idleMs = 0,
): Promise<NewSession> {
  const token = newToken();
  const expiresAt = slidingExpiry(now, now, { ttlMs, idleMs }).toISOString();
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
  /** When the session began (its lifetime counts from here); absent where not read. */
  createdAt?: string;
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
    .select([
      'sessions.device_id',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row || Number(row.disabled) !== 0) return undefined;
  return {
    user: toStoredUser(row),
    deviceId: row.device_id,
    expiresAt: row.expires_at,
    tokenHash,
    createdAt: row.session_created_at,
  };
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

/**
 * Moves a used session's expiry on to `idleMs` from now (within its lifetime). Written only when
 * it moves by more than a minute, so a busy client costs one write a minute, not one a request.
 */
export async function touchSession(
  db: Kysely<Database>,
  tokenHash: string,
  createdAt: string,
  expiresAt: string,
  now: Date,
  limits: { ttlMs: number; idleMs: number },
): Promise<string> {
  if (limits.idleMs <= 0) return expiresAt;
  const next = slidingExpiry(new Date(createdAt), now, limits);
  if (next.getTime() - new Date(expiresAt).getTime() < idleTouchStepMs) return expiresAt;
  const iso = next.toISOString();
  await db
    .updateTable('sessions')
    .set({ expires_at: iso })
    .where('token_hash', '=', tokenHash)
    .execute();
  return iso;
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function pruneExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
