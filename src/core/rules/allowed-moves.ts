import type { CaseChange } from '../case/case-change';
import type { CaseRecord } from '../case/case-record';
import {
  type CaseStatus,
  caseStatuses,
  type SupportLine,
  supportLines,
} from '../case/case-vocabulary';
import type { Actor } from './actor';
import { checkChange } from './change-rules';
import type { RuleContext } from './rule-context';
import type { RuleVerdict } from './rule-verdict';

/** One place a case could be dropped, and whether the rules let it go there. */
export interface MoveOption<T> {
  target: T;
  verdict: RuleVerdict;
}

/** Every status and line a case could be moved to, each with the rules' verdict. */
export interface AllowedMoves {
  statuses: MoveOption<CaseStatus>[];
  lines: MoveOption<SupportLine>[];
}

/**
 * What `actor` may do with `record` on a board: for every status column and every line, the
 * verdict `checkChange` would give. The kanban uses it while dragging, to refuse a forbidden
 * drop and say which rule forbids it, with the same rules the server applies.
 *
 * Moving to `waiting` is checked as waiting for the requester; an escalation and resolving are
 * checked with a placeholder reason or note, because the board asks for the real one after the
 * drop.
 */
export function allowedMoves(record: CaseRecord, actor: Actor, context: RuleContext): AllowedMoves {
  const statuses = caseStatuses.map((target): MoveOption<CaseStatus> => {
    const change: CaseChange = {
      type: 'statusChanged',
      status: target,
      waitingReason: target === 'waiting' ? (record.waitingReason ?? 'requester') : null,
      note: target === 'resolved' ? '…' : '',
    };
    return { target, verdict: checkChange(record, change, actor, context) };
  });
  const lines = supportLines.map((target): MoveOption<SupportLine> => {
    const change: CaseChange = { type: 'escalated', toLine: target, reason: '…', tried: '' };
    return { target, verdict: checkChange(record, change, actor, context) };
  });
  return { statuses, lines };
}

/** Just the targets the actor may move the case to. */
export function allowedTargets(moves: AllowedMoves): {
  statuses: CaseStatus[];
  lines: SupportLine[];
} {
  return {
    statuses: moves.statuses.filter((m) => m.verdict.ok).map((m) => m.target),
    lines: moves.lines.filter((m) => m.verdict.ok).map((m) => m.target),
  };
}
