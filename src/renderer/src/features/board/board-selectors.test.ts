import type { SlaState } from '@core/sla/index';
import { describe, expect, it } from 'vitest';
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
  it.each([
    // [name, order given, expected order]: what can still be saved first, soonest due;
    // then breached; then what has no clock counting.
    [
      'saved first, soonest due',
      ['late', 'risky', 'soon', 'later'],
      ['soon', 'risky', 'later', 'late'],
    ],
    [
      'breached after, most recent breach first',
      ['late', 'older', 'later'],
      ['later', 'late', 'older'],
    ],
    ['waiting last', ['waiting', 'late', 'later'], ['later', 'late', 'waiting']],
  ])('%s', (_name, given, expected) => {
    const states: Record<string, SlaState | null> = {
      older: sla('breached', 1),
      late: sla('breached', 5),
      soon: sla('running', 10),
      later: sla('running', 70),
      risky: sla('atRisk', 50),
      waiting: sla('paused', 0),
    };
    const byName = new Map(given.map((name) => [name, aCase({ title: name })]));
    const slaOf = (c: LocalCase) => states[c.title] ?? null;
    const cases = [...byName.values()];
    const { groups } = groupBoard(cases, emptyFilter, null, slaOf);
    expect(groups[1].new.map((c) => c.title)).toEqual(expected);
    const { groups: presorted } = groupBoard(
      sortCases(cases, true, slaOf),
      emptyFilter,
      null,
      slaOf,
      true,
    );
    expect(presorted[1].new.map((c) => c.title)).toEqual(expected);
  });
  it('a new high case with 59 minutes left is the first card in Ny, above 138 breached', () => {
    const now = Date.parse('2026-11-24T10:00:00+01:00');
    const breached = Array.from({ length: 138 }, () => aCase({ priority: 'critical' }));
    const fresh = aCase({ priority: 'high', title: 'Ny, 59 minutt att' });
    const states = new Map<string, SlaState>([
      ...breached.map((c, i) => [c.id, sla('breached', now - (i + 1) * 86_400_000)] as const),
      [fresh.id, sla('running', now + 59 * 60_000)],
    ]);
    const slaOf = (c: LocalCase) => states.get(c.id) ?? null;
    const { groups, slaCounts } = groupBoard(
      sortCases([...breached, fresh], true, slaOf),
      emptyFilter,
      null,
      slaOf,
      true,
    );
    expect(groups[1].new[0]).toBe(fresh);
    expect(slaCounts).toEqual({ atRisk: 0, breached: 138 });
  });
  it('counts the shown cases at risk and breached, only when sorting by SLA', () => {
    const cs = [aCase(), aCase(), aCase({ priority: 'low' }), aCase()];
    const states = [sla('atRisk', 5), sla('breached', 1), sla('breached', 2), sla('running', 9)];
    const slaOf = (c: LocalCase) => states[cs.indexOf(c)] ?? null;
    expect(groupBoard(cs, emptyFilter, null, slaOf).slaCounts).toEqual({ atRisk: 1, breached: 2 });
    expect(groupBoard(cs, { ...emptyFilter, priority: 'low' }, null, slaOf).slaCounts).toEqual({
      atRisk: 0,
      breached: 1,
    });
    expect(groupBoard(cs, { ...emptyFilter, sortBySla: false }, null, slaOf).slaCounts).toBe(null);
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
