import type { CaseChange } from '@core/case/index';
import type { Actor, UserLookup } from '@core/rules/index';

/**
 * The user lookup for this workstation's own rule check of a change: its staff directory (and
 * the signed-in user), but only when the change assigns someone the directory knows. Then an
 * assignment the server would refuse (a consultant of another municipality) is refused at once
 * with its reason, instead of being undone after the sync. An assignee the directory does not
 * know (not fetched yet, or new) is left to the server, which knows everyone.
 */
export function localAssigneeLookup(
  change: CaseChange,
  actor: Actor,
  staff: readonly Actor[],
): UserLookup | undefined {
  if (change.type !== 'assigned' || change.assigneeId === null) return undefined;
  const known: UserLookup = (id) => (id === actor.id ? actor : staff.find((s) => s.id === id));
  return known(change.assigneeId) ? known : undefined;
}
