import { describe, expect, it } from 'vitest';
import type { SupportLine } from '../case/case-vocabulary';
import { checkChange } from './change-rules';
import { actor, context, type Person, sampleCase } from './rule-test-fixtures';

function escalate(
  from: SupportLine,
  to: SupportLine,
  opts: { municipality?: string; who?: Person; reason?: string } = {},
) {
  const current = sampleCase({
    line: from,
    requester: { ...sampleCase().requester, municipalityId: opts.municipality ?? 'molde' },
  });
  const verdict = checkChange(
    current,
    { type: 'escalated', toLine: to, reason: opts.reason ?? 'Treng tilgang i AD', tried: '' },
    actor(opts.who ?? 'agent'),
    context,
  );
  return verdict.ok ? 'ok' : verdict.rule;
}

describe('moving a case between lines', () => {
  it.each<[SupportLine, SupportLine, string]>([
    [1, 2, 'ok'],
    [1, 3, 'ok'],
    [2, 3, 'ok'],
    [3, 2, 'ok'],
    [3, 1, 'ok'],
    [2, 1, 'ok'],
    [1, 1, 'escalation.sameLine'],
    [2, 2, 'escalation.sameLine'],
    [3, 3, 'escalation.sameLine'],
  ])('line %s → line %s: %s', (from, to, expected) => {
    expect(escalate(from, to)).toBe(expected);
  });

  it.each([
    [
      'line 2 needs a line-2 group for the municipality',
      { municipality: 'gjemnes' },
      'escalation.noLine2Group',
    ],
    [
      'line 2 needs a configured municipality',
      { municipality: 'atlantis' },
      'escalation.noLine2Group',
    ],
    ['every move needs a reason', { reason: '   ' }, 'escalation.reasonRequired'],
    ['a requester may never escalate', { who: 'kari' as Person }, 'requester.cannotEscalate'],
    [
      'a consultant may send their own municipality’s case up',
      { who: 'moldeConsultant' as Person },
      'ok',
    ],
    [
      'a consultant of another municipality cannot see the case',
      { who: 'aukraConsultant' as Person },
      'access.notVisible',
    ],
  ])('%s', (_rule, opts, expected) => {
    expect(escalate(1, 2, opts)).toBe(expected);
  });

  it('line 3 is open to a municipality without line 2', () => {
    expect(escalate(1, 3, { municipality: 'gjemnes' })).toBe('ok');
  });

  it('the refusal names the municipality', () => {
    const current = sampleCase({
      requester: { ...sampleCase().requester, municipalityId: 'gjemnes' },
    });
    const verdict = checkChange(
      current,
      { type: 'escalated', toLine: 2, reason: 'x', tried: '' },
      actor('agent'),
      context,
    );
    expect(verdict).toMatchObject({
      ok: false,
      messageKey: 'escalation.noLine2Group',
      message: 'Gjemnes kommune has no line 2; send the case to line 3 instead.',
      params: { municipality: 'Gjemnes kommune' },
    });
  });
});
