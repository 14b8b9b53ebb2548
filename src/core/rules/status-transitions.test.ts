import { describe, expect, it } from 'vitest';
import type { CaseStatus, SupportLine } from '../case/case-vocabulary';
import { checkChange } from './change-rules';
import { actor, context, type Person, sampleCase } from './rule-test-fixtures';

function moveStatus(
  from: CaseStatus,
  to: CaseStatus,
  who: Person = 'agent',
  extra = {},
  note = to === 'resolved' ? 'Skifta tonerkassett' : '',
) {
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
      note,
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

describe('resolving: the note the requester reads, and the line that holds the case', () => {
  it.each<[string, CaseStatus, string, string]>([
    ['a new case resolved with a note', 'new', 'Skifta tonerkassett', 'ok'],
    ['a new case resolved without a note', 'new', '', 'status.resolutionNoteRequired'],
    ['a note of only spaces is no note', 'inProgress', '   ', 'status.resolutionNoteRequired'],
    ['a waiting case resolved without a note', 'waiting', '', 'status.resolutionNoteRequired'],
    ['a reopened case resolved without a note', 'reopened', '', 'status.resolutionNoteRequired'],
  ])('%s: %s', (_rule, from, note, expected) => {
    expect(moveStatus(from, 'resolved', 'agent', {}, note)).toBe(expected);
  });

  it.each<[string, 'resolved' | 'closed' | 'inProgress' | 'reopened']>([
    ['closing a resolved case', 'closed'],
    ['picking a resolved case up again', 'inProgress'],
    ['reopening a resolved case', 'reopened'],
  ])('%s needs no note', (_rule, to) => {
    expect(moveStatus('resolved', to, 'agent', {}, '')).toBe('ok');
  });

  // Resolving belongs to the line that holds the case; the team leader, who leads the
  // service, may resolve a case on any line. An admin works on no line.
  it.each<[SupportLine, Person, string]>([
    [1, 'agent', 'ok'],
    [2, 'agent', 'status.resolveOtherLine'],
    [3, 'agent', 'status.resolveOtherLine'],
    [1, 'teamLeader', 'ok'],
    [2, 'teamLeader', 'ok'],
    [3, 'teamLeader', 'ok'],
    [2, 'moldeConsultant', 'ok'],
    [1, 'moldeConsultant', 'status.resolveOtherLine'],
    [3, 'moldeConsultant', 'status.resolveOtherLine'],
    [3, 'senior', 'ok'],
    [2, 'senior', 'status.resolveOtherLine'],
    [1, 'senior', 'status.resolveOtherLine'],
    [2, 'admin', 'status.resolveOtherLine'],
  ])('a case on line %s resolved by %s: %s', (line, who, expected) => {
    expect(moveStatus('inProgress', 'resolved', who, { line })).toBe(expected);
  });

  it('the line rule does not stop other moves on a line-2 case', () => {
    expect(moveStatus('new', 'inProgress', 'agent', { line: 2 })).toBe('ok');
    expect(moveStatus('resolved', 'closed', 'agent', { line: 2 })).toBe('ok');
  });

  it('the refusal names the line', () => {
    const verdict = checkChange(
      sampleCase({ line: 2, status: 'inProgress' }),
      { type: 'statusChanged', status: 'resolved', waitingReason: null, note: 'Ok' },
      actor('agent'),
      context,
    );
    expect(verdict).toMatchObject({ ok: false, params: { line: 2 } });
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
