import type { CaseStatus } from '../case/case-vocabulary';

/**
 * Where a case may move from each status. `new` is never a target: a case is new only until
 * somebody acts on it. `closed` is reached only through `resolved` (the requester confirms, or
 * staff close it) or by merging, and leaves only by reopening. `reopened` behaves like
 * `inProgress`, and may also be picked up explicitly (→ inProgress).
 */
export const statusTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['inProgress', 'waiting', 'resolved'],
  inProgress: ['waiting', 'resolved'],
  waiting: ['inProgress', 'resolved'],
  resolved: ['closed', 'reopened', 'inProgress'],
  closed: ['reopened'],
  reopened: ['inProgress', 'waiting', 'resolved'],
};

/** The statuses a case in `from` may move to, by the table alone (roles come on top). */
export function allowedStatusTargets(from: CaseStatus): readonly CaseStatus[] {
  return statusTransitions[from];
}

/** Whether the table allows `from` → `to`. */
export function isStatusTransitionAllowed(from: CaseStatus, to: CaseStatus): boolean {
  return statusTransitions[from].includes(to);
}

/**
 * The moves a requester may make on their own case: confirm a resolved case (→ closed), or
 * say the solution did not hold (resolved or closed → reopened).
 */
export const requesterStatusMoves: readonly (readonly [CaseStatus, CaseStatus])[] = [
  ['resolved', 'closed'],
  ['resolved', 'reopened'],
  ['closed', 'reopened'],
];
