import type { Requester } from '@core/case/index';
import {
  type MunicipalityConfig,
  municipalityConfigSchema,
} from '@core/config/municipality-config';
import { checkAssignment } from '@core/rules/index';
import { describe, expect, it } from 'vitest';
import { assignableStaff, type Candidate } from './assignable-staff';

const municipalities: MunicipalityConfig[] = [
  { id: 'molde', name: 'Molde', line2Group: { name: 'IKT Molde', consultantIds: [] } },
  { id: 'aukra', name: 'Aukra', line2Group: { name: 'IKT Aukra', consultantIds: ['hege'] } },
  { id: 'gjemnes', name: 'Gjemnes', line2Group: null },
].map((m) => municipalityConfigSchema.parse(m));

const staff: Candidate[] = [
  { id: 'agent', role: 'agent', municipalityIds: [] },
  { id: 'leader', role: 'teamLeader', municipalityIds: [] },
  { id: 'molde-k', role: 'consultant', municipalityIds: ['molde'] },
  { id: 'aukra-k', role: 'consultant', municipalityIds: ['aukra'] },
  { id: 'hege', role: 'consultant', municipalityIds: [] }, // listed by Aukra's group
  { id: 'senior', role: 'senior', municipalityIds: [] },
  { id: 'admin', role: 'admin', municipalityIds: [] },
];

const requester = (municipalityId: string): Requester => ({
  name: 'Ola',
  contact: '',
  municipalityId,
  unit: '',
  userId: null,
});

describe('who the assign picker offers', () => {
  it.each([
    [1, 'molde', ['agent', 'leader']],
    [2, 'molde', ['molde-k']],
    [2, 'aukra', ['aukra-k', 'hege']],
    [2, 'gjemnes', []], // no line 2 of its own
    [3, 'molde', ['senior']],
  ] as const)('line %i, %s: %o', (line, municipalityId, ids) => {
    const record = { line, requester: requester(municipalityId) };
    const offered = assignableStaff(record, staff, municipalities);
    expect(offered.map((s) => s.id)).toEqual(ids);
    // Exactly those the core rule would let take it: none offered is refused, none left out.
    const users = (id: string) => staff.find((s) => s.id === id);
    for (const s of staff) {
      const verdict = checkAssignment(record, s.id, { municipalities, users });
      expect([s.id, verdict.ok]).toEqual([s.id, ids.includes(s.id as never)]);
    }
  });
});
