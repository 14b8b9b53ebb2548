import type { CaseStatus, SupportLine } from '@core/case/index';
import { describe, expect, it } from 'vitest';
import { changeForMove, type DropTarget, moveFor } from './board-moves';

const at = (line: SupportLine, status: CaseStatus) => ({ line, status });
const to = (line: SupportLine, column: DropTarget['column']): DropTarget => ({ line, column });

describe('what a drop on the board means', () => {
  it.each<[string, ReturnType<typeof at>, DropTarget, ReturnType<typeof moveFor>]>([
    ['the same column: nothing', at(1, 'new'), to(1, 'new'), { kind: 'none' }],
    [
      'another lane: escalate',
      at(1, 'inProgress'),
      to(2, 'inProgress'),
      { kind: 'escalate', toLine: 2, up: true },
    ],
    [
      'waiting asks what for',
      at(1, 'new'),
      to(1, 'waiting'),
      { kind: 'status', status: 'waiting', needsWaitingReason: true, needsNote: false },
    ],
    [
      'Ny to Løyst asks what resolved it',
      at(1, 'new'),
      to(1, 'resolved'),
      { kind: 'status', status: 'resolved', needsWaitingReason: false, needsNote: true },
    ],
    [
      'under arbeid asks nothing',
      at(1, 'new'),
      to(1, 'inProgress'),
      { kind: 'status', status: 'inProgress', needsWaitingReason: false, needsNote: false },
    ],
    [
      'closing a resolved case asks nothing',
      at(1, 'resolved'),
      to(1, 'closed'),
      { kind: 'status', status: 'closed', needsWaitingReason: false, needsNote: false },
    ],
  ])('%s', (_what, current, target, expected) => {
    expect(moveFor(current, target)).toEqual(expected);
  });

  it('the resolution note goes with the change', () => {
    const move = moveFor(at(1, 'inProgress'), to(1, 'resolved'));
    expect(changeForMove(move, { note: '  Bytte tonerkassett ' })).toEqual({
      type: 'statusChanged',
      status: 'resolved',
      waitingReason: null,
      note: 'Bytte tonerkassett',
    });
  });

  it('a status move without a note sends an empty one (the rules decide)', () => {
    const move = moveFor(at(1, 'new'), to(1, 'waiting'));
    expect(changeForMove(move, { waitingReason: 'thirdParty' })).toEqual({
      type: 'statusChanged',
      status: 'waiting',
      waitingReason: 'thirdParty',
      note: '',
    });
  });
});
