import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarConfigSchema, defaultCalendarConfig } from '../calendar/calendar-config';
import { createServiceCalendar } from '../calendar/service-calendar';
import {
  isInsideSupportHours,
  nextOnCallPeriod,
  onCallPeriodAt,
  onCallPeriods,
} from './on-call-periods';

const calendar = createServiceCalendar(defaultCalendarConfig);
const withChristmasEve = createServiceCalendar(
  calendarConfigSchema.parse({ extraClosedDays: [{ date: '2026-12-24', name: 'Julaftan' }] }),
);
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const show = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Oslo' }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('onCallPeriods', () => {
  it('cuts an ordinary week into weeknights and one period per weekend day', () => {
    // Monday 2026-03-02 to Monday 2026-03-09.
    const periods = onCallPeriods(calendar, oslo('2026-03-02T08:00'), oslo('2026-03-09T08:00'));
    expect(periods.map((p) => [p.id, show(p.endMs), p.kind])).toEqual([
      ['2026-03-02T15:30', '2026-03-03T08:00', 'weekday'],
      ['2026-03-03T15:30', '2026-03-04T08:00', 'weekday'],
      ['2026-03-04T15:30', '2026-03-05T08:00', 'weekday'],
      ['2026-03-05T15:30', '2026-03-06T08:00', 'weekday'],
      ['2026-03-06T15:30', '2026-03-07T08:00', 'weekday'],
      ['2026-03-07T08:00', '2026-03-08T08:00', 'weekend'],
      ['2026-03-08T08:00', '2026-03-09T08:00', 'weekend'],
    ]);
  });

  it.each([
    {
      why: 'spring forward (night to Sunday 29 March 2026): Saturday’s period is 23 hours',
      at: '2026-03-29T02:30',
      id: '2026-03-28T08:00',
      hours: 23,
    },
    {
      why: 'fall back (night to Sunday 25 October 2026): Saturday’s period is 25 hours',
      at: '2026-10-24T12:00',
      id: '2026-10-24T08:00',
      hours: 25,
    },
    {
      why: 'an ordinary weeknight: 16.5 hours',
      at: '2026-03-03T23:00',
      id: '2026-03-03T15:30',
      hours: 16.5,
    },
    {
      why: 'Maundy Thursday is a public holiday (whole day)',
      at: '2026-04-02T12:00',
      id: '2026-04-02T08:00',
      hours: 24,
    },
  ])('$why', ({ at, id, hours }) => {
    const period = onCallPeriodAt(calendar, oslo(at));
    expect(period?.id).toBe(id);
    expect((period!.endMs - period!.startMs) / 3_600_000).toBe(hours);
  });

  it('names holiday and closed-day periods by the day they start', () => {
    expect(onCallPeriodAt(calendar, oslo('2026-05-17T10:00'))?.kind).toBe('publicHoliday');
    expect(onCallPeriodAt(withChristmasEve, oslo('2026-12-24T10:00'))).toMatchObject({
      id: '2026-12-24T08:00',
      kind: 'closedDay',
    });
    // Without the extra closed day, Christmas Eve (a Thursday) is an ordinary working day.
    expect(onCallPeriodAt(calendar, oslo('2026-12-24T10:00'))).toBeNull();
  });

  it.each([
    { at: '2026-03-03T15:29', onCall: null, support: true },
    { at: '2026-03-03T15:30', onCall: '2026-03-03T15:30', support: true },
    { at: '2026-03-03T15:59', onCall: '2026-03-03T15:30', support: true },
    { at: '2026-03-03T16:00', onCall: '2026-03-03T15:30', support: false },
    { at: '2026-03-04T07:59', onCall: '2026-03-03T15:30', support: false },
    { at: '2026-03-04T08:00', onCall: null, support: true },
    { at: '2026-03-07T10:00', onCall: '2026-03-07T08:00', support: false },
  ])(
    'at $at: on call $onCall, inside support hours $support (the 15:30–16:00 overlap)',
    ({ at, onCall, support }) => {
      expect(onCallPeriodAt(calendar, oslo(at))?.id ?? null).toBe(onCall);
      expect(isInsideSupportHours(calendar, oslo(at))).toBe(support);
    },
  );

  it('periods never overlap and cover exactly the on-call hours of a year', () => {
    const from = oslo('2026-01-01T00:00');
    const to = oslo('2027-01-01T00:00');
    const periods = onCallPeriods(calendar, from, to);
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i]!.startMs).toBeGreaterThanOrEqual(periods[i - 1]!.endMs);
      expect(periods[i]!.endMs - periods[i]!.startMs).toBeLessThanOrEqual(25 * 3_600_000);
    }
    // Every day of 2026 starts exactly one period with the default calendar.
    const dates = periods.filter((p) => p.startMs >= from).map((p) => p.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.length).toBe(365);
  });

  it('finds the next period', () => {
    expect(nextOnCallPeriod(calendar, oslo('2026-03-03T10:00'))?.id).toBe('2026-03-03T15:30');
    expect(nextOnCallPeriod(calendar, oslo('2026-03-06T20:00'))?.id).toBe('2026-03-07T08:00');
  });
});

describe('show', () => {
  it('formats in Oslo', () => expect(show(oslo('2026-03-03T15:30'))).toBe('2026-03-03T15:30'));
});
