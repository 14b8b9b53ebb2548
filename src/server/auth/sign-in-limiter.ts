/**
 * Repeated failed sign-ins for one username from one address get 429 for a while. The
 * failures are kept in the database (not in memory) so every server process counts the same.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SignInLimits {
  maxFailures: number;
  windowMs: number;
}

export const defaultSignInLimits: SignInLimits = { maxFailures: 5, windowMs: 15 * 60_000 };

export function limiterKey(username: string, address: string): string {
  return `${username.trim().toLowerCase()}|${address}`;
}

/** Seconds to wait before trying again, or 0 if a sign-in may be tried now. */
export async function retryAfterSeconds(
  db: Kysely<Database>,
  key: string,
  now: Date,
  limits: SignInLimits,
): Promise<number> {
  const since = new Date(now.getTime() - limits.windowMs).toISOString();
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'asc')
    .execute();
  if (rows.length < limits.maxFailures) return 0;
  // Blocked until enough of the failures have left the window.
  const freeing = rows[rows.length - limits.maxFailures]!;
  const freeAt = new Date(freeing.at).getTime() + limits.windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

export async function recordFailure(db: Kysely<Database>, key: string, now: Date): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values({ id: randomUUID(), key, at: now.toISOString() })
    .execute();
}

/** A successful sign-in forgets the key's failures; old failures of all keys are pruned. */
export async function clearFailures(
  db: Kysely<Database>,
  key: string,
  now: Date,
  limits: SignInLimits,
): Promise<void> {
  const old = new Date(now.getTime() - limits.windowMs).toISOString();
  await db
    .deleteFrom('sign_in_failures')
    .where((eb) => eb.or([eb('key', '=', key), eb('at', '<', old)]))
    .execute();
}
