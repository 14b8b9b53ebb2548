import { describe, expect, it } from 'vitest';
import { sampleCase } from '../rules/rule-test-fixtures';
import { caseChangeSchema } from './case-change';
import { applyChange } from './case-reducer';

/** Issue 18 (Info): a staff edit of the requester that omits `userId` keeps the account. */
describe('editing the requester keeps the portal account unless it is unlinked', () => {
  const edit = (requester: Record<string, unknown>) =>
    applyChange(
      sampleCase(),
      caseChangeSchema.parse({ type: 'fieldsChanged', changes: { requester } }),
      {
        caseId: sampleCase().id,
        at: '2026-03-02T10:00:00+01:00',
        actorId: 'agent',
        actorRole: 'agent',
        seq: 9,
      },
    ).requester;
  const details = { name: 'Kari Nordmann', municipalityId: 'molde', contact: '900 00 000' };
  const cases: [string, Record<string, unknown>, string | null][] = [
    ['userId left out: the account stays', details, 'kari'],
    ['userId null: unlinked on purpose', { ...details, userId: null }, null],
    ['userId given: that account', { ...details, userId: 'ola' }, 'ola'],
  ];
  it.each(cases)('%s', (_name, requester, userId) => {
    const after = edit(requester);
    expect(after.userId).toBe(userId);
    expect(after.contact).toBe('900 00 000');
  });
});
