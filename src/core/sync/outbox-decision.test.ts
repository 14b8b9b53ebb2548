import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case/case-record';
import { sampleCase } from '../rules/rule-test-fixtures';
import { appliedResult, conflictResult, rejectedResult } from './mutation-result';
import { type OutboxDecision, outboxDecision } from './outbox-decision';
import type { MutationResult } from './sync-protocol';

const id = '00000000-0000-4000-8000-0000000000aa';
const atVersion = (version: number) => sampleCase({ version });
const lostTitle = {
  field: 'title' as const,
  yourValue: 'Min tittel',
  serverValue: 'Skrivar',
  serverChangedBy: 'agent-2',
  serverChangedAt: '2026-03-02T10:00:00Z',
};

describe('what a push result means for the outbox item', () => {
  it.each<[string, MutationResult | undefined, CaseRecord | null, OutboxDecision]>([
    ['no answer for it: push again', undefined, atVersion(3), { kind: 'retry' }],
    [
      'refused by a rule: rejected with reason, rule and params',
      rejectedResult(id, 'status.transition', 'not from new to closed', {
        from: 'new',
        to: 'closed',
      }),
      atVersion(3),
      {
        kind: 'rejected',
        reason: 'not from new to closed',
        rule: 'status.transition',
        params: { from: 'new', to: 'closed' },
      },
    ],
    [
      'refused without a reason or rule',
      { ...rejectedResult(id, 'x', 'y'), reason: null, rule: null },
      null,
      { kind: 'rejected', reason: 'refused by the server', rule: null, params: {} },
    ],
    [
      'every field lost: nothing recorded, done',
      conflictResult(id, [lostTitle]),
      atVersion(3),
      { kind: 'done' },
    ],
    [
      'applied without a sequence: done',
      { ...appliedResult(id, 1), seq: null },
      null,
      { kind: 'done' },
    ],
    [
      'applied, nothing pulled yet: acknowledged',
      appliedResult(id, 9),
      null,
      { kind: 'acknowledged', seq: 9 },
    ],
    [
      'applied after the record held: acknowledged',
      appliedResult(id, 9),
      atVersion(8),
      { kind: 'acknowledged', seq: 9 },
    ],
    [
      'applied, the record held is that event: done',
      appliedResult(id, 9),
      atVersion(9),
      { kind: 'done' },
    ],
    [
      'applied, the record held is past it: done',
      appliedResult(id, 9, [lostTitle]),
      atVersion(12),
      { kind: 'done' },
    ],
  ])('%s', (_what, result, held, expected) => {
    expect(outboxDecision(result, held)).toEqual(expected);
  });
});

describe('mutation results', () => {
  it.each<[string, MutationResult, Partial<MutationResult>]>([
    ['applied', appliedResult(id, 4), { status: 'applied', seq: 4, conflicts: [], rule: null }],
    [
      'conflict',
      conflictResult(id, [lostTitle]),
      { status: 'conflict', seq: null, reason: 'somebody else changed the same fields first' },
    ],
    [
      'rejected without params',
      rejectedResult(id, 'case.notFound', 'no such case'),
      { rule: 'case.notFound' },
    ],
  ])('%s', (_what, result, expected) => {
    expect(result).toMatchObject({ mutationId: id, ...expected });
  });

  it('leaves empty params out, so results stored before params existed read the same', () => {
    expect(rejectedResult(id, 'case.notFound', 'no such case', {})).not.toHaveProperty('params');
  });
});
