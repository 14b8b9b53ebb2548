import type { FieldConflict, MutationResult } from './sync-protocol';

/**
 * The three results a mutation can get (`MutationResult`), built in one place so that the
 * server and any test double of it answer alike.
 */

/** Recorded as event `seq`; `conflicts` lists the fields that kept the server's value. */
export function appliedResult(
  mutationId: string,
  seq: number,
  conflicts: FieldConflict[] = [],
): MutationResult {
  return { mutationId, status: 'applied', seq, conflicts, reason: null, rule: null };
}

/** Why a mutation whose every field lost is not recorded (for the user; no rule refused it). */
export const conflictReason = 'somebody else changed the same fields first';

/** Every field the mutation writes lost: nothing recorded; the conflicts hold its values. */
export function conflictResult(mutationId: string, conflicts: FieldConflict[]): MutationResult {
  return {
    mutationId,
    status: 'conflict',
    seq: null,
    conflicts,
    reason: conflictReason,
    rule: null,
  };
}

/**
 * A rule refused it: never retried. `rule` is the rule id (core/rules' `ruleIds`, or one of
 * the server's own such as `mutation.idReused`), `params` what its message needs; empty
 * params are left out.
 */
export function rejectedResult(
  mutationId: string,
  rule: string,
  reason: string,
  params?: Readonly<Record<string, string | number>>,
): MutationResult {
  return {
    mutationId,
    status: 'rejected',
    seq: null,
    conflicts: [],
    reason,
    rule,
    ...(params && Object.keys(params).length > 0 ? { params: { ...params } } : {}),
  };
}
