import type { CaseChangeInput, CaseStatus, Priority, SupportLine } from '@core/case/index';

/**
 * A bulk action: one change made to every selected case. Each case's rules are checked on
 * their own when the changes are stored (`applyLocalChanges`), so a refusal names its case.
 */
export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'status'; status: CaseStatus; note: string }
  | { kind: 'priority'; priority: Priority; note: string }
  /** One reason for all. */
  | { kind: 'escalate'; toLine: SupportLine; reason: string }
  /** Every selected case linked to one case (the major incident, or a parent case). */
  | { kind: 'link'; toCaseId: string };

/** The change an action makes to one case, or null when it does not apply to it. */
export function bulkChangeFor(action: BulkAction, caseId: string): CaseChangeInput | null {
  switch (action.kind) {
    case 'assign':
      return { type: 'assigned', assigneeId: action.assigneeId };
    case 'status':
      // Waiting needs a reason per case (requester or third party): not a bulk move.
      if (action.status === 'waiting') return null;
      return {
        type: 'statusChanged',
        status: action.status,
        waitingReason: null,
        note: action.note,
      };
    case 'priority':
      return { type: 'prioritySet', priority: action.priority, note: action.note };
    case 'escalate':
      return { type: 'escalated', toLine: action.toLine, reason: action.reason };
    case 'link':
      return caseId === action.toCaseId ? null : { type: 'linked', otherCaseId: action.toCaseId };
  }
}

/** The outcome of a bulk action for one case. */
export interface BulkOutcome {
  caseId: string;
  /** Null when stored; else why it was refused (in the user's language) or skipped. */
  refusal: string | null;
}

/** Selected ids in the order the board shows them (for Shift-click ranges). */
export function rangeBetween(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}
