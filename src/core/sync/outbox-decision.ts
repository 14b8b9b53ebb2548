import type { CaseRecord } from '../case/case-record';
import { recordIncludes } from './outbox-catch-up';
import type { MutationResult } from './sync-protocol';

/**
 * What a push answer means for one outbox item. Every field conflict the result lists is
 * kept for the user whatever the decision (the client records them separately).
 */
export type OutboxDecision =
  /** No answer for this mutation: push it again (idempotent by mutation id). */
  | { kind: 'retry' }
  /** A rule refused it: keep it, marked, with the reason, until the user dismisses it. */
  | {
      kind: 'rejected';
      /** For the user. */
      reason: string;
      /** The rule id, when the server named one. */
      rule: string | null;
      /** What the rule's message needs (empty when the server sent none). */
      params: Readonly<Record<string, string | number>>;
    }
  /**
   * Nothing more to wait for: drop the item. Either nothing was recorded (every field lost;
   * the conflicts hold the user's values) or the server record held already includes it.
   */
  | { kind: 'done' }
  /** Applied as event `seq`: keep showing it until a pull brings that event. */
  | { kind: 'acknowledged'; seq: number };

/** Shown when the server refused a mutation without saying why. */
export const unexplainedRefusal = 'refused by the server';

/**
 * `result` is the server's answer for the item's mutation (undefined: none came back);
 * `held` is the server's record of its case as the client last pulled it (null: none).
 */
export function outboxDecision(
  result: MutationResult | undefined,
  held: CaseRecord | null,
): OutboxDecision {
  if (!result) return { kind: 'retry' };
  if (result.status === 'rejected') {
    return {
      kind: 'rejected',
      reason: result.reason ?? unexplainedRefusal,
      rule: result.rule,
      params: result.params ?? {},
    };
  }
  if (result.status === 'conflict' || result.seq === null) return { kind: 'done' };
  return recordIncludes(held, result.seq)
    ? { kind: 'done' }
    : { kind: 'acknowledged', seq: result.seq };
}
