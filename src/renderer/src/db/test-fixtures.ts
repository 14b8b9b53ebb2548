import type { CaseChange, CaseRecord } from '@core/case/index';

/** Shared test helpers for the local store and the sync engine (used by tests only). */

let counter = 0;

/** Deterministic UUIDs (version 4 shaped) for tests. */
export function sequentialIds(prefix = 0): () => string {
  let n = 0;
  return () => {
    n += 1;
    const hex = (prefix * 0x1_0000_0000 + n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  };
}

/** A fresh database name per test. */
export function uniqueDbName(label: string): string {
  counter += 1;
  return `saksbord-test-${label}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** A fixed clock that moves forward one second each read. */
export function steppingClock(start = '2026-11-24T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    t += 1000;
    return new Date(t);
  };
}

export const newCaseInput = {
  title: 'Skrivaren på legekontoret skriv ikkje ut',
  priority: 'medium',
  channel: 'phone',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
} as const;

/** A server-side case record for tests. */
export function serverCase(overrides: Partial<CaseRecord> & { id: string }): CaseRecord {
  return {
    number: '2026-00001',
    title: 'Nettverket er nede',
    description: '',
    status: 'new',
    waitingReason: null,
    priority: 'medium',
    priorityAnswers: null,
    line: 1,
    channel: 'phone',
    requester: {
      name: 'Ola Nordmann',
      contact: '',
      municipalityId: 'molde',
      unit: '',
      userId: null,
    },
    categoryId: null,
    formValues: {},
    assigneeId: null,
    linkedCaseIds: [],
    mergedIntoId: null,
    createdAt: '2026-11-24T08:00:00.000Z',
    createdBy: 'agent-2',
    updatedAt: '2026-11-24T08:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    version: 1,
    fieldVersions: {},
    slaTimeline: [],
    ...overrides,
  };
}

type CreatedChange = Extract<CaseChange, { type: 'created' }>;

/** A `created` change as another device would send it, with `overrides`. */
export function createdChange(
  overrides: Partial<Omit<CreatedChange, 'type' | 'requester'>> & {
    requester?: Partial<CreatedChange['requester']>;
  } = {},
): CreatedChange {
  const { requester, ...rest } = overrides;
  return {
    type: 'created',
    title: 'Nettverket er nede',
    description: '',
    priority: 'medium',
    priorityAnswers: null,
    channel: 'phone',
    categoryId: null,
    formValues: {},
    ...rest,
    requester: {
      name: 'Ola',
      contact: '',
      municipalityId: 'molde',
      unit: '',
      userId: null,
      ...requester,
    },
  };
}
