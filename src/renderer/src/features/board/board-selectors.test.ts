import { describe, expect, it } from 'vitest';
import type { SlaState } from '../../../../core/sla/index';
import type { LocalCase } from '../../db/local-records';
import { emptyFilter, groupBoard, matchesFilter, sortCases } from './board-selectors';

let n = 0;
function aCase(over: Partial<LocalCase> = {}): LocalCase {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: `2026-${String(n).padStart(5, '0')}`,
    title: `Sak ${n}`,
    description: '',
    status: 'new',
    waitingReason: null,
    priority: 'medium',
    priorityAnswers: null,
    line: 1,
    channel: 'phone',
    requester: {
      name: 'Kari Nordmann',
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
    createdAt: '2026-11-24T08:00:00+01:00',
    createdBy: 'a',
    updatedAt: '2026-11-24T08:00:00+01:00',
    firstResponseAt: null,
    resolvedAt: null,
    version: 1,
    fieldVersions: {},
    slaTimeline: [],
    pendingCount: 0,
    provisionalNumber: null,
    rejectedCount: 0,
    server: null,
    ...over,
  };
}

const sla = (worst: SlaState['worst'], dueAt: number): SlaState => {
  const clock = {
    dueAt,
    usedMinutes: 0,
    leftMinutes: 0,
    targetMinutes: 1,
    fraction: 0,
    status: worst,
  };
  return { priority: 'medium', response: clock, resolution: clock, worst };
};

describe('board filters', () => {
  it('filters mine, municipality, priority and free text', () => {
    const c = aCase({ assigneeId: 'me', priority: 'high', title: 'Skrivar i Aukra' });
    expect(matchesFilter(c, { ...emptyFilter, mine: true }, 'me')).toBe(true);
    expect(matchesFilter(c, { ...emptyFilter, mine: true }, 'other')).toBe(false);
    expect(matchesFilter(c, { ...emptyFilter, municipalityId: 'aukra' }, null)).toBe(false);
    expect(matchesFilter(c, { ...emptyFilter, priority: 'high' }, null)).toBe(true);
    expect(matchesFilter(c, { ...emptyFilter, text: 'SKRIVAR' }, null)).toBe(true);
    expect(matchesFilter(c, { ...emptyFilter, text: 'kari' }, null)).toBe(true);
    expect(matchesFilter(c, { ...emptyFilter, text: 'molde kontor' }, null)).toBe(false);
  });
  it('hides closed cases unless asked', () => {
    const c = aCase({ status: 'closed' });
    expect(matchesFilter(c, emptyFilter, null)).toBe(false);
    expect(matchesFilter(c, { ...emptyFilter, showClosed: true }, null)).toBe(true);
  });
});

describe('grouping and SLA order', () => {
  it('puts cases in their line and column, reopened with the new ones', () => {
    const a = aCase({ line: 2, status: 'waiting', waitingReason: 'requester' });
    const b = aCase({ status: 'reopened' });
    const { groups, shown } = groupBoard([a, b], emptyFilter, null, () => null);
    expect(groups[2].waiting).toEqual([a]);
    expect(groups[1].new).toEqual([b]);
    expect(shown).toBe(2);
  });
  it('sorts breached first, then at risk, then by due time', () => {
    const late = aCase();
    const risky = aCase();
    const soon = aCase();
    const later = aCase();
    const states = new Map([
      [late.id, sla('breached', 5)],
      [risky.id, sla('atRisk', 50)],
      [soon.id, sla('running', 10)],
      [later.id, sla('running', 20)],
    ]);
    const { groups } = groupBoard(
      [later, soon, risky, late],
      emptyFilter,
      null,
      (c) => states.get(c.id) ?? null,
    );
    expect(groups[1].new.map((c) => c.id)).toEqual([late.id, risky.id, soon.id, later.id]);
  });
});

describe('presorted board order', () => {
  it('sortCases gives the same order as sorting per column', () => {
    const cs = [
      aCase({ priority: 'low' }),
      aCase({ priority: 'critical' }),
      aCase({ priority: 'high' }),
    ];
    const sorted = sortCases(cs, false, () => null);
    const { groups } = groupBoard(sorted, emptyFilter, null, () => null, true);
    const { groups: reference } = groupBoard(cs, emptyFilter, null, () => null);
    expect(groups[1].new.map((c) => c.priority)).toEqual(['critical', 'high', 'low']);
    expect(groups[1].new).toEqual(reference[1].new);
  });
});
