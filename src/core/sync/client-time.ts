/**
 * How far the server believes a client's clock. A mutation's `clientAt` is when the work was
 * done — for offline work earlier than it reaches the server — and the case's own clock
 * (created, first response, resolved, the SLA facts) follows it. But a client clock can be
 * wrong or lie: the time a change counts from is bounded to what the product supports.
 *
 * - never later than the server's time;
 * - never earlier than the offline window (a device cannot have worked offline longer than a
 *   session lasts: it needs a valid token to push at all);
 * - never earlier than the case's last recorded change (a change cannot precede what it
 *   changes).
 *
 * The event keeps both: `clientAt` is the bounded time the case uses, and the client's own
 * claim is kept beside it when it was moved or is far off (`claimedClientAt`), so the history
 * can flag the skew.
 */

export interface ClientTimeBounds {
  /** The server's clock now. */
  serverNow: Date;
  /** The case's last change (its `updatedAt`), or null for a new case. */
  notBefore: string | null;
  /** The longest offline work accepted, in ms. */
  maxOfflineMs: number;
}

/** A claim further than this from the server's clock (ahead, or beyond the window) is flagged. */
export const clockSkewFlagMs = 5 * 60_000;

export interface BoundedClientTime {
  /** The time the change counts from (ISO, as given when it was within bounds). */
  happenedAt: string;
  /** The client's claim, when it was moved or is flagged as skewed; null otherwise. */
  claimed: string | null;
}

export function boundClientTime(clientAt: string, bounds: ClientTimeBounds): BoundedClientTime {
  const claimed = Date.parse(clientAt);
  const now = bounds.serverNow.getTime();
  const windowStart = now - bounds.maxOfflineMs;
  const lastChange =
    bounds.notBefore === null ? Number.NEGATIVE_INFINITY : Date.parse(bounds.notBefore);
  const lower = Math.max(windowStart, lastChange);
  let happened = claimed;
  if (!Number.isFinite(happened) || happened > now) happened = now;
  if (happened < lower) happened = Math.min(lower, now);
  const moved = happened !== claimed;
  const ahead = claimed - now > clockSkewFlagMs;
  return {
    happenedAt: moved ? new Date(happened).toISOString() : clientAt,
    // Slightly ahead of the server (a clock a few seconds fast) is not worth a flag.
    claimed: ahead || !(claimed >= lower) ? clientAt : null,
  };
}
