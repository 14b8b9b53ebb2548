import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../case/case-vocabulary';
import { checkChange } from './change-rules';
import { actor, context, type Person, sampleCase } from './rule-test-fixtures';

function moveStatus(from: CaseStatus, to: CaseStatus, who: Person = 'agent', extra = {}) {
  const current = sampleCase({
    status: from,
    waitingReason: from === 'waiting' ? 'requester' : null,
    ...extra,
  });
  const verdict = checkChange(
    current,
    {
      type: 'statusChanged',
      status: to,
      waitingReason: to === 'waiting' ? 'thirdParty' : null,
      note: '',
    },
    actor(who),
    context,
  );
  return verdict.ok ? 'ok' : verdict.rule;
}

describe('status moves by staff', () => {
  it.each<[CaseStatus, CaseStatus, string]>([
    ['new', 'inProgress', 'ok'],
    ['new', 'waiting', 'ok'],
    ['new', 'resolved', 'ok'],
    ['new', 'closed', 'status.transition'],
    ['new', 'reopened', 'status.transition'],
    ['inProgress', 'waiting', 'ok'],
    ['inProgress', 'resolved', 'ok'],
    ['inProgress', 'new', 'status.transition'],
    ['inProgress', 'closed', 'status.transition'],
    ['waiting', 'inProgress', 'ok'],
    ['waiting', 'resolved', 'ok'],
    ['waiting', 'waiting', 'ok'],
    ['resolved', 'closed', 'ok'],
    ['resolved', 'reopened', 'ok'],
    ['resolved', 'inProgress', 'ok'],
    ['resolved', 'waiting', 'status.transition'],
    ['closed', 'reopened', 'ok'],
    ['closed', 'inProgress', 'status.transition'],
    ['closed', 'resolved', 'status.transition'],
    ['reopened', 'inProgress', 'ok'],
    ['reopened', 'waiting', 'ok'],
    ['reopened', 'resolved', 'ok'],
    ['reopened', 'closed', 'status.transition'],
    ['inProgress', 'inProgress', 'status.unchanged'],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(moveStatus(from, to)).toBe(expected);
  });

  it('waiting → waiting only to change what it waits for', () => {
    const current = sampleCase({ status: 'waiting', waitingReason: 'requester' });
    const same = checkChange(
      current,
      { type: 'statusChanged', status: 'waiting', waitingReason: 'requester', note: '' },
      actor('agent'),
      context,
    );
    expect(same).toMatchObject({ ok: false, rule: 'status.unchanged' });
  });

  it('a merged case stays closed', () => {
    expect(
      moveStatus('closed', 'reopened', 'agent', {
        mergedIntoId: '00000000-0000-4000-8000-000000000002',
      }),
    ).toBe('status.mergedCase');
  });
});

describe('status moves by the requester (own case)', () => {
  it.each<[CaseStatus, CaseStatus, string]>([
    ['resolved', 'closed', 'ok'],
    ['resolved', 'reopened', 'ok'],
    ['closed', 'reopened', 'ok'],
    ['new', 'resolved', 'requester.statusNotAllowed'],
    ['inProgress', 'waiting', 'requester.statusNotAllowed'],
    ['resolved', 'inProgress', 'requester.statusNotAllowed'],
    ['new', 'closed', 'status.transition'],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(moveStatus(from, to, 'kari')).toBe(expected);
  });

  it("another requester may not touch Kari's case", () => {
    expect(moveStatus('resolved', 'closed', 'ola')).toBe('access.notVisible');
  });
});
