import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  createServiceCalendar,
  defaultCalendarConfig,
  openMinutesBetween,
} from '../calendar/index';
import { slaState, slaStates } from './sla-clock';
import type { SlaTimelineEntry } from './sla-state';
import { defaultSlaConfig, slaPriorities } from './sla-targets';

const calendar = createServiceCalendar(defaultCalendarConfig);
/** A wall-clock time in Oslo; an explicit offset picks one side of the autumn repeat. */
const t = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
type Row = [kind: SlaTimelineEntry['kind'], local: string, priority?: string];
/** Timeline from rows like ['created', '2026-03-09T08:00', 'high']. */
const timeline = (...rows: Row[]): SlaTimelineEntry[] =>
  rows.map(([kind, local, priority]) => ({ kind, at: t(local), priority }) as SlaTimelineEntry);

interface Case {
  name: string;
  rows: Row[];
  now: string;
  clock: 'response' | 'resolution';
  status: string;
  used: number;
  left: number;
  due: string | null;
}

const cases: Case[] = [
  {
    name: 'critical at night runs round the clock',
    rows: [['created', '2026-03-07T02:00', 'critical']],
    now: '2026-03-07T02:10',
    clock: 'response',
    status: 'running',
    used: 10,
    left: 5,
    due: '2026-03-07T02:15',
  },
  {
    name: 'critical resolution is due 4 h later at night',
    rows: [['created', '2026-03-07T02:00', 'critical']],
    now: '2026-03-07T02:10',
    clock: 'resolution',
    status: 'running',
    used: 10,
    left: 230,
    due: '2026-03-07T06:00',
  },
  {
    name: 'high case reported Friday 15:45 is due Monday 08:45',
    rows: [['created', '2026-03-06T15:45', 'high']],
    now: '2026-03-06T22:00',
    clock: 'response',
    status: 'running',
    used: 15,
    left: 45,
    due: '2026-03-09T08:45',
  },
  {
    name: 'at risk from exactly 75 % (medium, 180 of 240)',
    rows: [['created', '2026-03-09T08:00', 'medium']],
    now: '2026-03-09T11:00',
    clock: 'response',
    status: 'atRisk',
    used: 180,
    left: 60,
    due: '2026-03-09T12:00',
  },
  {
    name: 'running just below 75 %',
    rows: [['created', '2026-03-09T08:00', 'medium']],
    now: '2026-03-09T10:59',
    clock: 'response',
    status: 'running',
    used: 179,
    left: 61,
    due: '2026-03-09T12:00',
  },
  {
    name: 'breached: due time is the breach instant',
    rows: [['created', '2026-03-07T02:00', 'critical']],
    now: '2026-03-07T02:20',
    clock: 'response',
    status: 'breached',
    used: 20,
    left: -5,
    due: '2026-03-07T02:15',
  },
  {
    name: 'met in time',
    rows: [
      ['created', '2026-03-07T02:00', 'critical'],
      ['responded', '2026-03-07T02:14'],
    ],
    now: '2026-03-07T03:00',
    clock: 'response',
    status: 'met',
    used: 14,
    left: 1,
    due: '2026-03-07T02:15',
  },
  {
    name: 'met too late',
    rows: [
      ['created', '2026-03-07T02:00', 'critical'],
      ['responded', '2026-03-07T02:20'],
    ],
    now: '2026-03-07T03:00',
    clock: 'response',
    status: 'breachedMet',
    used: 20,
    left: -5,
    due: '2026-03-07T02:15',
  },
  {
    name: 'paused: the clock stops and has no due time',
    rows: [
      ['created', '2026-03-09T08:00', 'medium'],
      ['responded', '2026-03-09T08:30'],
      ['paused', '2026-03-09T09:00'],
    ],
    now: '2026-03-09T15:00',
    clock: 'resolution',
    status: 'paused',
    used: 60,
    left: 1380,
    due: null,
  },
  {
    name: 'resumed: paused time is not counted',
    rows: [
      ['created', '2026-03-09T08:00', 'high'],
      ['paused', '2026-03-09T09:00'],
      ['resumed', '2026-03-10T09:00'],
    ],
    now: '2026-03-10T10:00',
    clock: 'resolution',
    status: 'running',
    used: 120,
    left: 360,
    due: '2026-03-10T16:00',
  },
  {
    name: 'raised to critical on Saturday: the night before counts on support (0 min)',
    rows: [
      ['created', '2026-03-06T20:00', 'low'],
      ['priorityChanged', '2026-03-07T10:00', 'critical'],
    ],
    now: '2026-03-07T10:10',
    clock: 'response',
    status: 'running',
    used: 10,
    left: 5,
    due: '2026-03-07T10:15',
  },
  {
    name: 'raised past the new target: breached from the change',
    rows: [
      ['created', '2026-03-09T08:00', 'medium'],
      ['priorityChanged', '2026-03-09T09:30', 'critical'],
    ],
    now: '2026-03-09T09:40',
    clock: 'response',
    status: 'breached',
    used: 100,
    left: -85,
    due: '2026-03-09T09:30',
  },
  {
    name: 'lowered at night: round-the-clock minutes stay, support minutes follow',
    rows: [
      ['created', '2026-03-09T20:00', 'critical'],
      ['responded', '2026-03-09T20:05'],
      ['priorityChanged', '2026-03-09T21:00', 'low'],
    ],
    now: '2026-03-10T10:00',
    clock: 'resolution',
    status: 'running',
    used: 180,
    left: 4620,
    due: '2026-03-23T15:00',
  },
  {
    name: 'a response met before a priority change keeps the old target',
    rows: [
      ['created', '2026-03-09T08:00', 'low'],
      ['responded', '2026-03-09T09:00'],
      ['priorityChanged', '2026-03-09T09:30', 'critical'],
    ],
    now: '2026-03-09T09:40',
    clock: 'response',
    status: 'met',
    used: 60,
    left: 420,
    due: '2026-03-09T16:00',
  },
  {
    name: 'resolved, then reopened: the clock continues from the minutes used',
    rows: [
      ['created', '2026-03-09T08:00', 'high'],
      ['responded', '2026-03-09T08:30'],
      ['resolved', '2026-03-09T10:00'],
      ['reopened', '2026-03-10T08:00'],
    ],
    now: '2026-03-10T09:00',
    clock: 'resolution',
    status: 'running',
    used: 180,
    left: 300,
    due: '2026-03-10T14:00',
  },
  {
    name: 'resolving without a response meets the response too',
    rows: [
      ['created', '2026-03-09T08:00', 'high'],
      ['resolved', '2026-03-09T08:40'],
    ],
    now: '2026-03-09T12:00',
    clock: 'response',
    status: 'met',
    used: 40,
    left: 20,
    due: '2026-03-09T09:00',
  },
  {
    name: 'entries after now are not seen yet',
    rows: [
      ['created', '2026-03-09T08:00', 'high'],
      ['responded', '2026-03-09T08:40'],
    ],
    now: '2026-03-09T08:20',
    clock: 'response',
    status: 'running',
    used: 20,
    left: 40,
    due: '2026-03-09T09:00',
  },
  {
    name: 'spring DST night: 02:00–03:00 does not exist',
    rows: [['created', '2026-03-29T01:50', 'critical']],
    now: '2026-03-29T03:10',
    clock: 'response',
    status: 'breached',
    used: 20,
    left: -5,
    due: '2026-03-29T03:05',
  },
  {
    name: 'autumn DST night: 02:00–03:00 happens twice',
    rows: [['created', '2026-10-25T02:50+02:00', 'critical']],
    now: '2026-10-25T02:02+01:00',
    clock: 'response',
    status: 'atRisk',
    used: 12,
    left: 3,
    due: '2026-10-25T02:05+01:00',
  },
];

describe('slaState', () => {
  it.each(cases)('$name', ({ rows, now, clock, status, used, left, due }) => {
    const state = slaState(timeline(...rows), calendar, defaultSlaConfig, t(now))[clock];
    expect(state).toMatchObject({ status, usedMinutes: used, leftMinutes: left });
    expect(state.dueAt).toBe(due === null ? null : t(due));
  });

  it('reports the worse clock as worst', () => {
    const state = slaState(
      timeline(['created', '2026-03-09T08:00', 'high'], ['responded', '2026-03-09T09:30']),
      calendar,
      defaultSlaConfig,
      t('2026-03-09T10:00'),
    );
    expect([state.response.status, state.resolution.status, state.worst]).toEqual([
      'breachedMet',
      'running',
      'breachedMet',
    ]);
  });

  it('accepts an unsorted timeline and records metAt', () => {
    const rows = timeline(
      ['responded', '2026-03-09T08:10'],
      ['created', '2026-03-09T08:00', 'high'],
    );
    const state = slaState(rows, calendar, defaultSlaConfig, t('2026-03-09T09:00'));
    expect(state.response.metAt).toBe(t('2026-03-09T08:10'));
  });

  it('rejects a timeline without a created entry', () => {
    expect(() => slaState([], calendar, defaultSlaConfig, t('2026-03-09T09:00'))).toThrow(
      RangeError,
    );
  });

  it('computes many cases at once with the same result', () => {
    const list = cases.map((c) => timeline(...c.rows));
    const now = t('2026-11-01T12:00');
    expect(slaStates(list, calendar, defaultSlaConfig, now)).toEqual(
      list.map((entries) => slaState(entries, calendar, defaultSlaConfig, now)),
    );
  });
});

describe('slaState properties', () => {
  const start = t('2025-01-01T00:00');
  const end = t('2027-12-31T00:00');
  const priority = fc.constantFrom(...slaPriorities);

  it('a running clock is due exactly its minutes left from now, and used + left = target', () => {
    fc.assert(
      fc.property(
        priority,
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 0, max: 30 * 1440 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        (p, created, age, pausedAfter, pauseLength) => {
          const now = created + age * 60_000;
          const pausedAt = created + pausedAfter * 60_000;
          const rows: SlaTimelineEntry[] = [
            { at: created, kind: 'created', priority: p },
            { at: pausedAt, kind: 'paused' },
            { at: pausedAt + pauseLength * 60_000, kind: 'resumed' },
          ];
          const state = slaState(rows, calendar, defaultSlaConfig, now);
          for (const clock of [state.response, state.resolution]) {
            expect(clock.usedMinutes + clock.leftMinutes).toBeCloseTo(clock.targetMinutes, 6);
            if (clock.status === 'running' || clock.status === 'atRisk') {
              const kind = defaultSlaConfig.targets[p].calendar;
              expect(openMinutesBetween(calendar, kind, now, clock.dueAt!)).toBeCloseTo(
                clock.leftMinutes,
                6,
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
