import { describe, expect, it } from 'vitest';
import type { SupportLine } from '../case/case-vocabulary';
import { checkChange } from './change-rules';
import { actor, context, type Person, sampleCase } from './rule-test-fixtures';

function assign(
  line: SupportLine,
  assigneeId: string | null,
  who: Person = 'agent',
  ctx = context,
) {
  const verdict = checkChange(
    sampleCase({ line }),
    { type: 'assigned', assigneeId },
    actor(who),
    ctx,
  );
  return verdict.ok ? 'ok' : verdict.rule;
}

describe('a case is assigned only to a member of its current line', () => {
  it.each<[SupportLine, string, string]>([
    [1, 'agent', 'ok'],
    [1, 'teamLeader', 'ok'],
    [1, 'moldeConsultant', 'assignment.notOnLine'],
    [1, 'senior', 'assignment.notOnLine'],
    [2, 'moldeConsultant', 'ok'],
    [2, 'listedConsultant', 'ok'],
    [2, 'aukraConsultant', 'assignment.notOnLine'],
    [2, 'agent', 'assignment.notOnLine'],
    [3, 'senior', 'ok'],
    [3, 'moldeConsultant', 'assignment.notOnLine'],
    [1, 'admin', 'assignment.notOnLine'],
    [1, 'kari', 'assignment.notOnLine'],
    [1, 'nobody', 'assignment.unknownAssignee'],
  ])('line %s, to %s: %s', (line, assigneeId, expected) => {
    expect(assign(line, assigneeId)).toBe(expected);
  });

  it('unassigning is always allowed to staff', () => {
    expect(assign(2, null)).toBe('ok');
  });

  it('a requester may never name who works on the case', () => {
    expect(assign(1, 'agent', 'kari')).toBe('requester.cannotAssign');
    expect(assign(1, null, 'kari')).toBe('requester.cannotAssign');
  });

  it('without a user directory the client lets the server decide', () => {
    expect(assign(1, 'moldeConsultant', 'agent', { municipalities: context.municipalities })).toBe(
      'ok',
    );
  });
});
