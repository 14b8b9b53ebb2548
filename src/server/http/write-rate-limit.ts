/**
 * A per-user budget for writes (pushed mutations, created and changed cases, uploads): a token
 * bucket per user, `capacity` writes at once, refilled at `perMinute`. Beyond it: 429 with
 * Retry-After. Kept in memory per server process (each process counts its own share); it is
 * a guard against one account flooding the service, not an accounting of work.
 */
import type { ServerContext } from '../server-context';
import { HttpProblem } from './problem';

export interface WriteRateLimit {
  capacity: number;
  perMinute: number;
}

export const defaultWriteRateLimit: WriteRateLimit = { capacity: 1_000, perMinute: 1_000 };

interface Bucket {
  tokens: number;
  at: number;
}

const buckets = new WeakMap<ServerContext, Map<string, Bucket>>();

/** Takes `cost` writes from the user's budget, or throws a 429 saying when to come back. */
export function takeWrites(ctx: ServerContext, userId: string, cost: number): void {
  const limit = ctx.options.writeRateLimit ?? defaultWriteRateLimit;
  let users = buckets.get(ctx);
  if (!users) {
    users = new Map();
    buckets.set(ctx, users);
  }
  const now = ctx.now().getTime();
  const perMs = limit.perMinute / 60_000;
  const bucket = users.get(userId) ?? { tokens: limit.capacity, at: now };
  bucket.tokens = Math.min(limit.capacity, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  if (cost > bucket.tokens) {
    users.set(userId, bucket);
    const waitMs = Math.min(cost, limit.capacity) - bucket.tokens;
    throw new HttpProblem(
      429,
      'Too many requests',
      'too many changes at once; wait and try again',
      {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / perMs / 1000))) },
      },
    );
  }
  bucket.tokens -= cost;
  users.set(userId, bucket);
  // Forget users whose bucket is full again, so the map does not grow for ever.
  if (users.size > 10_000) {
    for (const [id, b] of users) {
      if (b.tokens + (now - b.at) * perMs >= limit.capacity) users.delete(id);
    }
  }
}
