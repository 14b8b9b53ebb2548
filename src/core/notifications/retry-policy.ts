/**
 * When the outbox tries a failed notification again: exponential backoff from `baseMs`,
 * doubling per attempt up to `maxMs`; and when it gives up (the "could not deliver" list).
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 30_000, maxMs: 30 * 60_000 };

/** Delay before attempt `attempts + 1`, after `attempts` failed ones (≥ 1). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

export type RetryDecision = { action: 'retry'; nextAttemptAt: string } | { action: 'giveUp' };

/**
 * After a failed attempt at `now`: try again after the backoff, or give up when the error is
 * permanent (the receiving server said no for good) or the next try would fall after `giveUpAt`.
 */
export function afterFailure(
  now: Date,
  attempts: number,
  giveUpAt: string,
  permanent: boolean,
  policy: RetryPolicy = defaultRetryPolicy,
): RetryDecision {
  if (permanent) return { action: 'giveUp' };
  const next = now.getTime() + retryDelayMs(attempts, policy);
  if (next > Date.parse(giveUpAt)) return { action: 'giveUp' };
  return { action: 'retry', nextAttemptAt: new Date(next).toISOString() };
}
