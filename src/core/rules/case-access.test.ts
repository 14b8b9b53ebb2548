import { describe, expect, it } from 'vitest';
import { canReadCase } from './case-access';
import { actor, type Person, sampleCase } from './rule-test-fixtures';

describe('who may read a case', () => {
  const moldeCase = sampleCase();
  const aukraCase = sampleCase({
    requester: { ...moldeCase.requester, municipalityId: 'aukra', userId: 'ola' },
  });
  const phoneCase = sampleCase({
    channel: 'phone',
    requester: { ...moldeCase.requester, userId: null },
  });

  it.each<[string, Person, typeof moldeCase, boolean]>([
    ['a requester reads their own case', 'kari', moldeCase, true],
    ["a requester cannot read a neighbour's case", 'ola', moldeCase, false],
    ['a case without a portal account is nobody’s to read in the portal', 'kari', phoneCase, false],
    ['a consultant reads the cases of their municipality', 'moldeConsultant', moldeCase, true],
    ['a consultant cannot read another municipality’s cases', 'moldeConsultant', aukraCase, false],
    [
      'a consultant reads a case assigned to them',
      'moldeConsultant',
      { ...aukraCase, assigneeId: 'moldeConsultant' },
      true,
    ],
    ['an agent reads all', 'agent', aukraCase, true],
    ['a senior reads all', 'senior', aukraCase, true],
    ['a team leader reads all', 'teamLeader', aukraCase, true],
    ['an admin reads all', 'admin', aukraCase, true],
  ])('%s', (_rule, person, record, expected) => {
    expect(canReadCase(record, actor(person))).toBe(expected);
  });
});
