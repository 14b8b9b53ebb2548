import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarConfigSchema, defaultCalendarConfig } from './calendar-config';
import { addOpenMinutes, type CalendarKind, openMinutesBetween } from './open-time';
import { createServiceCalendar } from './service-calendar';

const calendar = createServiceCalendar(defaultCalendarConfig);
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const iso = (date: Date) =>
  DateTime.fromJSDate(date, { zone: 'Europe/Oslo' }).toISO({ suppressMilliseconds: true });

describe('addOpenMinutes', () => {
  it.each([
    {
      kind: 'support',
      local: '2026-03-06T15:45',
      minutes: 60,
      due: '2026-03-09T08:45:00+01:00',
      why: 'Friday 15:45 high case waits for Monday',
    },
    {
      kind: 'support',
      local: '2026-03-06T15:00',
      minutes: 60,
      due: '2026-03-06T16:00:00+01:00',
      why: 'ending exactly at closing stays on Friday',
    },
    {
      kind: 'support',
      local: '2026-03-09T07:00',
      minutes: 30,
      due: '2026-03-09T08:30:00+01:00',
      why: 'before opening starts at 08:00',
    },
    {
      kind: 'support',
      local: '2026-03-07T12:00',
      minutes: 1,
      due: '2026-03-09T08:01:00+01:00',
      why: 'Saturday skips to Monday',
    },
    {
      kind: 'support',
      local: '2026-03-09T08:00',
      minutes: 480,
      due: '2026-03-09T16:00:00+01:00',
      why: 'one working day',
    },
    {
      kind: 'support',
      local: '2026-03-09T08:00',
      minutes: 481,
      due: '2026-03-10T08:01:00+01:00',
      why: 'one minute more',
    },
    {
      kind: 'support',
      local: '2025-12-31T15:00',
      minutes: 120,
      due: '2026-01-02T09:00:00+01:00',
      why: 'year end skips New Year’s Day',
    },
    {
      kind: 'support',
      local: '2026-04-01T15:00',
      minutes: 120,
      due: '2026-04-07T09:00:00+02:00',
      why: 'Easter: Thursday to Monday closed',
    },
    {
      kind: 'support',
      local: '2027-05-14T15:00',
      minutes: 120,
      due: '2027-05-18T09:00:00+02:00',
      why: '17 May = Whit Monday, closed once',
    },
    {
      kind: 'support',
      local: '2026-03-27T15:00',
      minutes: 120,
      due: '2026-03-30T09:00:00+02:00',
      why: 'over the spring DST weekend',
    },
    {
      kind: 'support',
      local: '2026-03-07T12:00',
      minutes: 0,
      due: '2026-03-07T12:00:00+01:00',
      why: 'adding 0 changes nothing',
    },
    {
      kind: 'roundTheClock',
      local: '2026-03-09T10:00',
      minutes: 15,
      due: '2026-03-09T10:15:00+01:00',
      why: 'critical in office hours',
    },
    {
      kind: 'roundTheClock',
      local: '2026-03-07T03:00',
      minutes: 15,
      due: '2026-03-07T03:15:00+01:00',
      why: 'critical at night',
    },
    {
      kind: 'roundTheClock',
      local: '2026-03-09T23:50',
      minutes: 15,
      due: '2026-03-10T00:05:00+01:00',
      why: 'across midnight',
    },
    {
      kind: 'roundTheClock',
      local: '2026-12-31T23:55',
      minutes: 10,
      due: '2027-01-01T00:05:00+01:00',
      why: 'across the year end',
    },
    {
      kind: 'roundTheClock',
      local: '2026-03-29T01:30',
      minutes: 60,
      due: '2026-03-29T03:30:00+02:00',
      why: '02:00 does not exist in spring',
    },
    {
      kind: 'roundTheClock',
      local: '2026-10-25T02:30+02:00',
      minutes: 60,
      due: '2026-10-25T02:30:00+01:00',
      why: '02:00–03:00 happens twice in autumn',
    },
    {
      kind: 'roundTheClock',
      local: '2026-03-06T15:45',
      minutes: 240,
      due: '2026-03-06T19:45:00+01:00',
      why: 'critical Friday evening keeps running',
    },
  ] as const)('$kind $local + $minutes min = $due ($why)', ({ kind, local, minutes, due }) => {
    expect(iso(addOpenMinutes(calendar, kind, oslo(local), minutes))).toBe(due);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s minutes', (minutes) => {
    expect(() => addOpenMinutes(calendar, 'support', oslo('2026-03-09T08:00'), minutes)).toThrow(
      RangeError,
    );
  });
});

describe('openMinutesBetween', () => {
  it.each([
    {
      kind: 'roundTheClock',
      from: '2026-03-29T00:00',
      to: '2026-03-30T00:00',
      minutes: 1380,
      why: 'spring DST day has 23 h',
    },
    {
      kind: 'roundTheClock',
      from: '2026-10-25T00:00',
      to: '2026-10-26T00:00',
      minutes: 1500,
      why: 'autumn DST day has 25 h',
    },
    {
      kind: 'support',
      from: '2026-03-06T15:45',
      to: '2026-03-09T08:45',
      minutes: 60,
      why: 'Friday to Monday',
    },
    {
      kind: 'support',
      from: '2026-03-09T00:00',
      to: '2026-03-16T00:00',
      minutes: 2400,
      why: 'an ordinary week',
    },
    {
      kind: 'support',
      from: '2026-03-30T00:00',
      to: '2026-04-06T00:00',
      minutes: 1440,
      why: 'Easter week: three working days',
    },
    {
      kind: 'support',
      from: '2026-12-21T00:00',
      to: '2027-01-04T00:00',
      minutes: 3840,
      why: 'Christmas fortnight: eight working days',
    },
    {
      kind: 'support',
      from: '2026-03-09T16:00',
      to: '2026-03-09T08:00',
      minutes: -480,
      why: 'reversed gives the negative',
    },
    {
      kind: 'support',
      from: '2026-03-09T10:00',
      to: '2026-03-09T10:00',
      minutes: 0,
      why: 'same instant',
    },
  ] as const)('$kind $from → $to = $minutes ($why)', ({ kind, from, to, minutes }) => {
    expect(openMinutesBetween(calendar, kind, oslo(from), oslo(to))).toBe(minutes);
  });

  it('computes round the clock from the configuration, not as "always"', () => {
    const nightsOnly = createServiceCalendar(
      calendarConfigSchema.parse({
        onCall: {
          monday: [
            { from: '00:00', to: '06:00' },
            { from: '18:00', to: '24:00' },
          ],
        },
      }),
    );
    const monday = openMinutesBetween(
      nightsOnly,
      'roundTheClock',
      oslo('2026-03-09T00:00'),
      oslo('2026-03-10T00:00'),
    );
    expect(monday).toBe(360 + 480 + 360);
    expect(
      addOpenMinutes(nightsOnly, 'roundTheClock', oslo('2026-03-09T05:50'), 20).getTime(),
    ).toBe(oslo('2026-03-09T08:10'));
  });
});

describe('open-time properties', () => {
  const from = oslo('2024-01-01T00:00');
  const to = oslo('2028-01-01T00:00');
  const instant = fc.integer({ min: from, max: to });
  const minutes = fc.integer({ min: 0, max: 20_000 });
  const kind = fc.constantFrom<CalendarKind>('support', 'roundTheClock');

  it('openMinutesBetween(t, addOpenMinutes(t, N)) = N', () => {
    fc.assert(
      fc.property(kind, instant, minutes, (k, t, n) => {
        const due = addOpenMinutes(calendar, k, t, n);
        expect(openMinutesBetween(calendar, k, t, due)).toBe(n);
      }),
    );
  });

  it('is monotonic in N and in the start instant', () => {
    fc.assert(
      fc.property(kind, instant, instant, minutes, minutes, (k, t1, t2, n1, n2) => {
        const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [m, n] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(addOpenMinutes(calendar, k, a, m).getTime()).toBeLessThanOrEqual(
          addOpenMinutes(calendar, k, a, n).getTime(),
        );
        expect(addOpenMinutes(calendar, k, a, n).getTime()).toBeLessThanOrEqual(
          addOpenMinutes(calendar, k, b, n).getTime(),
        );
      }),
    );
  });

  it('openMinutesBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(kind, instant, instant, instant, (k, a, b, c) => {
        expect(openMinutesBetween(calendar, k, a, b)).toBe(
          0 - openMinutesBetween(calendar, k, b, a),
        );
        const ab = openMinutesBetween(calendar, k, a, b);
        const bc = openMinutesBetween(calendar, k, b, c);
        expect(ab + bc).toBeCloseTo(openMinutesBetween(calendar, k, a, c), 6);
      }),
    );
  });
});
