import type { CaseChangeInput, CaseStatus, SupportLine } from '@core/case/index';
import type { BoardColumn } from './board-selectors';
import { columnOf } from './board-selectors';

/** A drop target on the board: one column in one lane. */
export interface DropTarget {
  line: SupportLine;
  column: BoardColumn;
}

export function dropId(target: DropTarget): string {
  return `drop:${target.line}:${target.column}`;
}

export function parseDropId(id: string): DropTarget | null {
  const m = /^drop:([123]):(\w+)$/.exec(id);
  if (!m) return null;
  return { line: Number(m[1]) as SupportLine, column: m[2] as BoardColumn };
}

/**
 * What dropping a case on a target means.
 * - another lane: escalate (up) or send back (down); needs a reason and what was tried. The
 *   status stays as it is.
 * - another column in the same lane: a status change; `waiting` needs to know what for, and
 *   `resolved` a note saying what was done (the requester reads it).
 * - the same place: nothing.
 */
export type BoardMove =
  | { kind: 'none' }
  | { kind: 'escalate'; toLine: SupportLine; up: boolean }
  | { kind: 'status'; status: CaseStatus; needsWaitingReason: boolean; needsNote: boolean };

/** What a move's dialog asked. */
export interface MoveAnswers {
  reason?: string;
  tried?: string;
  waitingReason?: 'requester' | 'thirdParty';
  /** What resolved the case (moves to `resolved`). */
  note?: string;
}

export function moveFor(
  current: { line: SupportLine; status: CaseStatus },
  target: DropTarget,
): BoardMove {
  if (target.line !== current.line) {
    return { kind: 'escalate', toLine: target.line, up: target.line > current.line };
  }
  if (target.column === columnOf(current.status)) return { kind: 'none' };
  return {
    kind: 'status',
    status: target.column,
    needsWaitingReason: target.column === 'waiting',
    needsNote: target.column === 'resolved',
  };
}

/** The change a move makes once its dialog (if any) is answered. */
export function changeForMove(move: BoardMove, answers: MoveAnswers = {}): CaseChangeInput | null {
  switch (move.kind) {
    case 'none':
      return null;
    case 'escalate':
      return {
        type: 'escalated',
        toLine: move.toLine,
        reason: answers.reason ?? '',
        tried: answers.tried ?? '',
      };
    case 'status':
      return {
        type: 'statusChanged',
        status: move.status,
        waitingReason: move.needsWaitingReason ? (answers.waitingReason ?? 'requester') : null,
        note: answers.note?.trim() ?? '',
      };
  }
}
