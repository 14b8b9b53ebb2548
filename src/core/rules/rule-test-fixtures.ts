/**
 * Sample cases, people and context for the rule tests (and for other layers' tests that
 * need a plausible case). Pure data.
 */
import { type CaseRecord, caseRecordSchema } from '../case/case-record';
import type { MunicipalityConfig } from '../config/municipality-config';
import type { Actor, UserFacts } from './actor';
import type { RuleContext } from './rule-context';

export const sampleCaseId = '00000000-0000-4000-8000-000000000001';
export const otherCaseId = '00000000-0000-4000-8000-000000000002';

/**
 * A portal case from a Molde requester, new, on line 1. Parsed, so fields the record gains
 * later get their schema defaults.
 */
export function sampleCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecordSchema.parse({
    id: sampleCaseId,
    number: '2026-00042',
    title: 'Skrivaren på rådhuset skriv ikkje ut',
    description: '',
    status: 'new',
    waitingReason: null,
    priority: 'low',
    priorityAnswers: null,
    line: 1,
    channel: 'portal',
    requester: {
      name: 'Kari Nordmann',
      contact: '',
      municipalityId: 'molde',
      unit: 'Servicetorget',
      userId: 'kari',
    },
    categoryId: 'printer',
    formValues: {},
    assigneeId: null,
    linkedCaseIds: [],
    mergedIntoId: null,
    createdAt: '2026-03-02T09:00:00+01:00',
    createdBy: 'kari',
    updatedAt: '2026-03-02T09:00:00+01:00',
    firstResponseAt: null,
    resolvedAt: null,
    version: 1,
    fieldVersions: {},
    ...overrides,
  });
}

export const people = {
  kari: { id: 'kari', role: 'requester', municipalityIds: ['molde'] },
  ola: { id: 'ola', role: 'requester', municipalityIds: ['molde'] },
  agent: { id: 'agent', role: 'agent', municipalityIds: [] },
  teamLeader: { id: 'teamLeader', role: 'teamLeader', municipalityIds: [] },
  admin: { id: 'admin', role: 'admin', municipalityIds: [] },
  senior: { id: 'senior', role: 'senior', municipalityIds: [] },
  moldeConsultant: { id: 'moldeConsultant', role: 'consultant', municipalityIds: ['molde'] },
  aukraConsultant: { id: 'aukraConsultant', role: 'consultant', municipalityIds: ['aukra'] },
  listedConsultant: { id: 'listedConsultant', role: 'consultant', municipalityIds: [] },
} as const satisfies Record<string, Actor>;

export type Person = keyof typeof people;

export const municipalities: MunicipalityConfig[] = [
  {
    id: 'molde',
    name: 'Molde kommune',
    line2Group: { name: 'IKT Molde', consultantIds: ['listedConsultant'] },
  },
  { id: 'aukra', name: 'Aukra kommune', line2Group: { name: 'IKT Aukra', consultantIds: [] } },
  { id: 'gjemnes', name: 'Gjemnes kommune', line2Group: null },
];

export const context: RuleContext = {
  municipalities,
  users: (id) => (people as Record<string, UserFacts | undefined>)[id],
};

/** The actor of a sample person (copied, so a test may not change the fixture). */
export function actor(person: Person): Actor {
  const p = people[person];
  return { id: p.id, role: p.role, municipalityIds: [...p.municipalityIds] };
}
