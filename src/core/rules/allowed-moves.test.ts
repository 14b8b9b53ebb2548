import { describe, expect, it } from 'vitest';
import { allowedMoves, allowedTargets } from './allowed-moves';
import { actor, context, sampleCase } from './rule-test-fixtures';

describe('what the board may do with a case', () => {
  it('an agent with a new Molde case on line 1', () => {
    const moves = allowedMoves(sampleCase(), actor('agent'), context);
    expect(allowedTargets(moves)).toEqual({
      statuses: ['inProgress', 'waiting', 'resolved'],
      lines: [2, 3],
    });
    expect(moves.statuses.find((m) => m.target === 'closed')?.verdict).toMatchObject({
      ok: false,
      rule: 'status.transition',
      message: 'A case that is new cannot be set to closed.',
    });
    expect(moves.lines.find((m) => m.target === 1)?.verdict).toMatchObject({
      ok: false,
      rule: 'escalation.sameLine',
    });
  });

  it('line 1 may not resolve a case on line 2; the consultant and the team leader may', () => {
    const onLine2 = sampleCase({ line: 2, status: 'inProgress' });
    const resolve = (who: 'agent' | 'moldeConsultant' | 'teamLeader') =>
      allowedMoves(onLine2, actor(who), context).statuses.find((m) => m.target === 'resolved')
        ?.verdict;
    expect(resolve('agent')).toMatchObject({ ok: false, rule: 'status.resolveOtherLine' });
    expect(resolve('moldeConsultant')).toEqual({ ok: true });
    expect(resolve('teamLeader')).toEqual({ ok: true });
  });

  it('a case from a municipality without line 2 can only go to line 3', () => {
    const record = sampleCase({
      requester: { ...sampleCase().requester, municipalityId: 'gjemnes' },
    });
    const moves = allowedMoves(record, actor('agent'), context);
    expect(allowedTargets(moves).lines).toEqual([3]);
    expect(moves.lines.find((m) => m.target === 2)?.verdict).toMatchObject({
      rule: 'escalation.noLine2Group',
    });
  });

  it('a requester with a resolved case may confirm or reopen, and move no line', () => {
    const moves = allowedMoves(sampleCase({ status: 'resolved' }), actor('kari'), context);
    expect(allowedTargets(moves)).toEqual({ statuses: ['closed', 'reopened'], lines: [] });
  });

  it('a waiting case may move to waiting only for another reason (same column is a no-op)', () => {
    const record = sampleCase({ status: 'waiting', waitingReason: 'thirdParty' });
    expect(allowedTargets(allowedMoves(record, actor('agent'), context)).statuses).toEqual([
      'inProgress',
      'resolved',
    ]);
  });
});
