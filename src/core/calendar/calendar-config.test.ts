import { describe, expect, it } from 'vitest';
import { calendarConfigSchema, defaultCalendarConfig } from './calendar-config';

describe('calendar configuration', () => {
  it('defaults to the seed: support Mon–Fri 08–16, on-call 15:30–08:00 and all day off days', () => {
    const office = [{ from: '08:00', to: '16:00' }];
    const onCallWorkday = [
      { from: '00:00', to: '08:00' },
      { from: '15:30', to: '24:00' },
    ];
    const allDay = [{ from: '00:00', to: '24:00' }];
    expect(defaultCalendarConfig).toEqual({
      timeZone: 'Europe/Oslo',
      supportHours: {
        monday: office,
        tuesday: office,
        wednesday: office,
        thursday: office,
        friday: office,
        saturday: [],
        sunday: [],
      },
      onCall: {
        monday: onCallWorkday,
        tuesday: onCallWorkday,
        wednesday: onCallWorkday,
        thursday: onCallWorkday,
        friday: onCallWorkday,
        saturday: allDay,
        sunday: allDay,
        publicHolidays: allDay,
      },
      extraClosedDays: [],
      phoneNumbers: { support: '70 16 29 99', onCall: '70 16 24 46' },
    });
  });

  it('accepts an extra closed day such as Christmas Eve', () => {
    const config = calendarConfigSchema.parse({
      extraClosedDays: [{ date: '2026-12-24', name: 'Julaftan' }],
    });
    expect(config.extraClosedDays).toEqual([{ date: '2026-12-24', name: 'Julaftan' }]);
    expect(config.supportHours.monday).toEqual([{ from: '08:00', to: '16:00' }]);
  });

  it.each([
    { input: { timeZone: 'Europe/Atlantis' }, path: 'timeZone', says: 'timeZone' },
    {
      input: { supportHours: { monday: [{ from: '8', to: '16:00' }] } },
      path: 'supportHours.monday.0.from',
      says: 'from',
    },
    {
      input: { supportHours: { monday: [{ from: '16:00', to: '08:00' }] } },
      path: 'supportHours.monday.0.to',
      says: 'to',
    },
    {
      input: { supportHours: { monday: [{ from: '08:00', to: '24:01' }] } },
      path: 'supportHours.monday.0.to',
      says: 'to',
    },
    {
      input: {
        supportHours: {
          monday: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '16:00' },
          ],
        },
      },
      path: 'supportHours.monday.1.from',
      says: 'supportHours.monday',
    },
    { input: { supportHours: {} }, path: 'supportHours', says: 'supportHours' },
    {
      input: { onCall: { publicHolidays: 'always' } },
      path: 'onCall.publicHolidays',
      says: 'onCall.publicHolidays',
    },
    {
      input: { extraClosedDays: [{ date: '2026-02-30', name: 'X' }] },
      path: 'extraClosedDays.0.date',
      says: 'date',
    },
    {
      input: { extraClosedDays: [{ date: '2026-12-24', name: ' ' }] },
      path: 'extraClosedDays.0.name',
      says: 'name',
    },
    {
      input: { phoneNumbers: { support: '', onCall: '1' } },
      path: 'phoneNumbers.support',
      says: 'phoneNumbers.support',
    },
  ])('rejects $path with a message naming $says', ({ input, path, says }) => {
    const result = calendarConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(says);
  });
});
