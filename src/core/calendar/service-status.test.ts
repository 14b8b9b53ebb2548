import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarConfigSchema, defaultCalendarConfig } from './calendar-config';
import { createServiceCalendar, holidaysBetween, isWorkingDay } from './service-calendar';
import { nextOpening, statusAt } from './service-status';

const calendar = createServiceCalendar(defaultCalendarConfig);
const withChristmasEve = createServiceCalendar(
  calendarConfigSchema.parse({ extraClosedDays: [{ date: '2026-12-24', name: 'Julaftan' }] }),
);
/** A wall-clock time in Oslo, e.g. '2026-03-06T15:45'. */
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const SUPPORT = '70 16 29 99';
const ON_CALL = '70 16 24 46';

describe('isWorkingDay', () => {
  it.each([
    { date: '2026-03-06', working: true, why: 'an ordinary Friday' },
    { date: '2026-03-07', working: false, why: 'Saturday' },
    { date: '2026-03-08', working: false, why: 'Sunday' },
    { date: '2026-04-02', working: false, why: 'Maundy Thursday' },
    { date: '2026-05-14', working: false, why: 'Ascension Day' },
    { date: '2027-05-17', working: false, why: '17 May and Whit Monday at once' },
    { date: '2025-12-31', working: true, why: "New Year's Eve is not a holiday" },
    { date: '2026-01-01', working: false, why: "New Year's Day" },
    { date: '2026-01-02', working: true, why: 'the Friday after' },
    { date: '2026-12-24', working: true, why: 'Christmas Eve is not a public holiday' },
  ])('$date is a working day: $working ($why)', ({ date, working }) => {
    expect(isWorkingDay(calendar, date)).toBe(working);
  });

  it('is false on an extra closed day from the configuration', () => {
    expect(isWorkingDay(withChristmasEve, '2026-12-24')).toBe(false);
  });

  it('rejects a date that does not exist, naming it', () => {
    expect(() => isWorkingDay(calendar, '2026-02-30')).toThrow(/2026-02-30/);
  });
});

describe('holidaysBetween', () => {
  it('lists public holidays and configured closed days sorted by date', () => {
    const days = holidaysBetween(withChristmasEve, 2026, 2027);
    expect(days).toHaveLength(25);
    expect(days.filter((d) => d.date.startsWith('2026-12-2')).map((d) => d.name)).toEqual([
      'Julaftan',
      'Første juledag',
      'Andre juledag',
    ]);
    const dates = days.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it.each([
    { from: 1899, to: 1900, message: /fromYear/ },
    { from: 2200, to: 2201, message: /toYear/ },
    { from: 2027, to: 2026, message: /fromYear \(2027\) must not be after toYear/ },
  ])('rejects $from–$to', ({ from, to, message }) => {
    expect(() => holidaysBetween(calendar, from, to)).toThrow(message);
  });
});

describe('statusAt: who answers the phone', () => {
  it.each([
    {
      local: '2026-03-09T07:59:59',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'Monday before opening',
    },
    {
      local: '2026-03-09T08:00:00',
      support: true,
      onCall: false,
      call: SUPPORT,
      callFor: 'all',
      why: 'opening instant is open',
    },
    {
      local: '2026-03-09T15:29:59',
      support: true,
      onCall: false,
      call: SUPPORT,
      callFor: 'all',
      why: 'just before on-call starts',
    },
    {
      local: '2026-03-09T15:30:00',
      support: true,
      onCall: true,
      call: SUPPORT,
      callFor: 'all',
      why: 'overlap begins: support still takes all',
    },
    {
      local: '2026-03-09T15:59:59',
      support: true,
      onCall: true,
      call: SUPPORT,
      callFor: 'all',
      why: 'end of overlap',
    },
    {
      local: '2026-03-09T16:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'closing instant is closed',
    },
    {
      local: '2026-03-10T00:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'midnight',
    },
    {
      local: '2026-03-07T12:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'Saturday',
    },
    {
      local: '2026-03-08T23:59:59',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'Sunday night',
    },
    {
      local: '2026-05-14T10:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'Ascension Day',
    },
    {
      local: '2027-05-17T10:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: '17 May = Whit Monday',
    },
    {
      local: '2026-05-15T07:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'morning after a holiday',
    },
    {
      local: '2026-03-29T10:00:00',
      support: false,
      onCall: true,
      call: ON_CALL,
      callFor: 'critical',
      why: 'spring DST Sunday',
    },
    {
      local: '2026-03-30T08:00:00',
      support: true,
      onCall: false,
      call: SUPPORT,
      callFor: 'all',
      why: 'first Monday of summer time',
    },
  ])('$local: $why', ({ local, support, onCall, call, callFor }) => {
    const status = statusAt(calendar, oslo(local));
    expect(status).toMatchObject({
      supportOpen: support,
      onCallStaffed: onCall,
      callNumber: call,
      callFor,
    });
  });

  it('treats a configured Christmas Eve as a holiday: on-call only', () => {
    expect(statusAt(withChristmasEve, oslo('2026-12-24T10:00'))).toMatchObject({
      supportOpen: false,
      onCallStaffed: true,
      callNumber: ON_CALL,
    });
  });

  it('accepts Date, epoch ms and DateTime and reports in Oslo offset', () => {
    const ms = oslo('2026-07-01T12:00');
    for (const instant of [ms, new Date(ms), DateTime.fromMillis(ms, { zone: 'UTC' })]) {
      expect(statusAt(calendar, instant).at).toBe('2026-07-01T12:00:00+02:00');
    }
  });
});

describe('statusAt: what changes next', () => {
  it.each([
    {
      local: '2026-03-06T15:45',
      why: 'Friday 15:45 in the overlap',
      change: { at: '2026-03-06T16:00:00+01:00', supportOpen: false, onCallStaffed: true },
      closes: '2026-03-06T16:00:00+01:00',
      opening: '2026-03-09T08:00:00+01:00',
    },
    {
      local: '2026-03-06T10:00',
      why: 'Friday morning',
      change: { at: '2026-03-06T15:30:00+01:00', supportOpen: true, onCallStaffed: true },
      closes: '2026-03-06T16:00:00+01:00',
      opening: '2026-03-09T08:00:00+01:00',
    },
    {
      local: '2025-12-31T16:00',
      why: 'year end: 31 Dec closes, 1 Jan is a holiday',
      change: { at: '2026-01-02T08:00:00+01:00', supportOpen: true, onCallStaffed: false },
      closes: undefined,
      opening: '2026-01-02T08:00:00+01:00',
    },
    {
      local: '2026-04-01T17:00',
      why: 'Easter: closed Thursday to Monday',
      change: { at: '2026-04-07T08:00:00+02:00', supportOpen: true, onCallStaffed: false },
      closes: undefined,
      opening: '2026-04-07T08:00:00+02:00',
    },
    {
      local: '2026-03-28T12:00',
      why: 'weekend with the spring DST change',
      change: { at: '2026-03-30T08:00:00+02:00', supportOpen: true, onCallStaffed: false },
      closes: undefined,
      opening: '2026-03-30T08:00:00+02:00',
    },
    {
      local: '2026-10-24T12:00',
      why: 'weekend with the autumn DST change',
      change: { at: '2026-10-26T08:00:00+01:00', supportOpen: true, onCallStaffed: false },
      closes: undefined,
      opening: '2026-10-26T08:00:00+01:00',
    },
  ])('$local ($why)', ({ local, change, closes, opening }) => {
    const status = statusAt(calendar, oslo(local));
    expect(status.nextChange).toEqual(change);
    expect(status.supportClosesAt).toBe(closes);
    expect(status.nextSupportOpening).toBe(opening);
  });

  it.each([
    { local: '2026-03-06T15:45', next: '2026-03-09T08:00' },
    { local: '2026-03-09T07:00', next: '2026-03-09T08:00' },
    { local: '2026-03-09T08:00', next: '2026-03-10T08:00' },
    { local: '2026-12-23T16:00', next: '2026-12-24T08:00' },
  ])('nextOpening after $local is $next', ({ local, next }) => {
    expect(nextOpening(calendar, oslo(local)).getTime()).toBe(oslo(next));
  });

  it('skips a configured closed day when looking for the next opening', () => {
    expect(nextOpening(withChristmasEve, oslo('2026-12-23T16:00')).getTime()).toBe(
      oslo('2026-12-28T08:00'),
    );
  });
});
