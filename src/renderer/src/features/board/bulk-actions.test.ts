import { describe, expect, it } from 'vitest';
import { bulkChangeFor, rangeBetween } from './bulk-actions';

describe('bulk actions', () => {
  it.each([
    [
      { kind: 'assign', assigneeId: 'u1' },
      { type: 'assigned', assigneeId: 'u1' },
    ],
    [
      { kind: 'escalate', toLine: 2, reason: 'Nettverksfeil i kommunen' },
      { type: 'escalated', toLine: 2, reason: 'Nettverksfeil i kommunen' },
    ],
    [
      { kind: 'status', status: 'inProgress', note: '' },
      { type: 'statusChanged', status: 'inProgress', waitingReason: null, note: '' },
    ],
    [{ kind: 'status', status: 'waiting', note: '' }, null],
    [
      { kind: 'priority', priority: 'high', note: 'Fleire ramma' },
      { type: 'prioritySet', priority: 'high', note: 'Fleire ramma' },
    ],
    [
      { kind: 'link', toCaseId: 'major' },
      { type: 'linked', otherCaseId: 'major' },
    ],
  ] as const)('%j makes %j', (action, change) => {
    expect(bulkChangeFor(action, 'c1')).toEqual(change);
  });

  it('never links a case to itself', () => {
    expect(bulkChangeFor({ kind: 'link', toCaseId: 'c1' }, 'c1')).toBeNull();
  });

  it('selects a range in the order shown, either way', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(rangeBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'x', 'c')).toEqual(['c']);
  });
});
