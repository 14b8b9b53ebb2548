/**
 * Limits on failed sign-ins, kept in the database (not in memory) so every server process
 * counts the same. Two budgets, each over a sliding window:
 *
 * - per username and client address (`maxFailures`), so guessing one person's password is slow;
 * - per client address across usernames (`maxFailuresPerAddress`), so trying many names from
 *   one place is slow too.
 *
 * Beyond a budget the limiter backs off progressively (1 s, 2 s, 4 s … up to `maxDelayMs` after
 * the latest failure) instead of locking the account for the whole window: the right password
 * gets in at the next allowed moment, and an attempt refused while waiting is not counted, so
 * somebody else's guessing cannot keep the real user out for ever. Behind a reverse proxy the
 * client address is read from `X-Forwarded-For` only when the connection comes from a trusted
 * proxy (`clientAddress`), so one attacker cannot exhaust everybody's budget.
 *
 * The count is atomic: an attempt is reserved (a row inserted) before the password is
 * verified, and then counted with every other reservation; of N parallel attempts at most the
 * budget are verified. A wrong password leaves its reservation as the failure; a right one
 * removes the username's failures and its own reservation.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SignInLimits {
  /** Failures per username and address within the window before backing off. */
  maxFailures: number;
  windowMs: number;
  /** Failures per address (all usernames) within the window before backing off. */
  maxFailuresPerAddress?: number;
  /** The first wait beyond a budget; doubled per further failure. */
  baseDelayMs?: number;
  /** The longest wait. */
  maxDelayMs?: number;
}

export const defaultSignInLimits: SignInLimits = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  maxFailuresPerAddress: 30,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
};

export function limiterKey(username: string, address: string): string {
  return `${username.trim().toLowerCase()}|${address}`;
}

/** The address budget's key (`@` never starts a username key: those start with the name). */
export function addressKey(address: string): string {
  return `@|${address}`;
}

/**
 * The wait a key owes after `failures` failures in the window (the latest at `latest`), in
 * ms from `now`; 0 when an attempt may be made. Pure.
 */
export function backoffMs(
  failures: number,
  budget: number,
  latest: number | null,
  now: number,
  limits: SignInLimits,
): number {
  if (failures < budget || latest === null) return 0;
  const base = limits.baseDelayMs ?? 1_000;
  const max = limits.maxDelayMs ?? limits.windowMs;
  const delay = Math.min(max, base * 2 ** Math.min(30, failures - budget));
  return Math.max(0, latest + delay - now);
}

/** A reserved attempt: its rows count as failures unless the sign-in succeeds. */
export interface SignInAttempt {
  key: string;
  ids: string[];
}

export type Reservation = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfter: number };

/**
 * Reserves an attempt for `username` from `address` (inserts first, then counts), or says
 * how many seconds to wait. A refused attempt is removed again (it is not a failure).
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
  limits: SignInLimits,
): Promise<Reservation> {
  const key = limiterKey(username, address);
  const byAddress = addressKey(address);
  const at = now.toISOString();
  const mine = { user: randomUUID(), address: randomUUID() };
  await db
    .insertInto('sign_in_failures')
    .values([
      { id: mine.user, key, at },
      { id: mine.address, key: byAddress, at },
    ])
    .execute();
  const since = new Date(now.getTime() - limits.windowMs).toISOString();
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['id', 'key', 'at'])
    .where('key', 'in', [key, byAddress])
    .where('at', '>', since)
    .execute();
  const waitFor = (k: string, own: string, budget: number) => {
    const others = rows.filter((r) => r.key === k && r.id !== own);
    const latest = others.reduce<number | null>(
      (m, r) => Math.max(m ?? Number.NEGATIVE_INFINITY, Date.parse(r.at)),
      null,
    );
    return backoffMs(others.length, budget, latest, now.getTime(), limits);
  };
  const wait = Math.max(
    waitFor(key, mine.user, limits.maxFailures),
    waitFor(byAddress, mine.address, limits.maxFailuresPerAddress ?? Number.POSITIVE_INFINITY),
  );
  if (wait > 0) {
    await db.deleteFrom('sign_in_failures').where('id', 'in', [mine.user, mine.address]).execute();
    return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
  }
  return { ok: true, attempt: { key, ids: [mine.user, mine.address] } };
}

/** The right password: the username's failures are forgotten, and this attempt's rows. */
export async function attemptSucceeded(
  db: Kysely<Database>,
  attempt: SignInAttempt,
): Promise<void> {
  await db
    .deleteFrom('sign_in_failures')
    .where((eb) => eb.or([eb('key', '=', attempt.key), eb('id', 'in', attempt.ids)]))
    .execute();
}

/** Seconds to wait before trying again, or 0 if a sign-in may be tried now (read only). */
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
    .execute();
  const latest = rows.reduce<number | null>(
    (m, r) => Math.max(m ?? Number.NEGATIVE_INFINITY, Date.parse(r.at)),
    null,
  );
  const wait = backoffMs(rows.length, limits.maxFailures, latest, now.getTime(), limits);
  return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
}

/** Records one more failure for a key (a wrong second step after a reserved attempt). */
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

/** Removes failures older than the window (run on a timer). */
export async function pruneSignInFailures(
  db: Kysely<Database>,
  now: Date,
  limits: SignInLimits,
): Promise<number> {
  const old = new Date(now.getTime() - limits.windowMs).toISOString();
  const result = await db.deleteFrom('sign_in_failures').where('at', '<=', old).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/**
 * The client's address: the socket's peer, or — only when that peer is a trusted proxy — the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy. Never the header
 * of an untrusted peer (anyone can write it).
 */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const normal = (a: string) => a.trim().replace(/^::ffff:/, '');
  const socket = peer ? normal(peer) : 'unknown';
  if (!forwardedFor || !trustedProxies.map(normal).includes(socket)) return socket;
  const hops = forwardedFor.split(',').map(normal).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.map(normal).includes(hops[i]!)) return hops[i]!;
  }
  return hops[0] ?? socket;
}
