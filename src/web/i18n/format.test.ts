import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDateTime,
  formatNextOpening,
  formatOpening,
  formatTime,
  formatTimeWithDay,
  formatWeekday,
} from './format';

// Winter (+01:00): 2026-11-24T15:00Z is 16:00 in Oslo; summer (+02:00): 2026-06-01T06:00Z is 08:00.
describe('formatting in Europe/Oslo whatever the machine zone', () => {
  it.each([
    ['nn', '2026-11-24T15:00:00Z', '16:00', '24.11.2026 16:00'],
    ['nb', '2026-11-24T15:00:00Z', '16:00', '24.11.2026 16:00'],
    ['en', '2026-06-01T06:05:00Z', '08:05', '01/06/2026 08:05'],
    ['nn', '2026-03-28T23:30:00Z', '00:30', '29.03.2026 00:30'],
  ] as const)('%s: %s is %s, %s', (locale, at, time, dateTime) => {
    expect(formatTime(at, locale)).toBe(time);
    expect(formatDateTime(at, locale)).toBe(dateTime);
    expect(formatDateTime(Date.parse(at), locale)).toBe(dateTime);
    expect(formatDateTime(new Date(at), locale)).toBe(dateTime);
  });

  // One word per idea: the seed writes "søndag" in Nynorsk, and both apps now say so.
  it.each([
    ['nn', '2026-03-08T12:00:00Z', 'søndag'],
    ['nb', '2026-03-08T12:00:00Z', 'søndag'],
    ['en', '2026-03-08T12:00:00Z', 'Sunday'],
    ['nn', '2026-03-10T12:00:00Z', 'tysdag'],
    ['nb', '2026-03-10T12:00:00Z', 'tirsdag'],
    ['nn', '2026-03-07T12:00:00Z', 'laurdag'],
    // 23:30 UTC on Saturday is already Sunday in Oslo.
    ['nn', '2026-03-07T23:30:00Z', 'søndag'],
  ] as const)('%s: %s is a %s in Oslo', (locale, at, day) => {
    expect(formatWeekday(at, locale)).toBe(day);
  });

  // now: Tuesday 10 March 2026 10:00 Oslo (09:00Z).
  it.each([
    ['nn', '2026-03-10T12:51:00Z', '13:51'],
    ['nn', '2026-03-09T12:51:00Z', '9.3. 13:51'],
    ['nn', '2026-03-09T23:30:00Z', '00:30'],
    ['nb', '2026-03-09T22:59:00Z', '9.3. 23:59'],
    ['en', '2026-03-01T06:05:00Z', '1/3 07:05'],
    ['nn', '2025-12-30T12:51:00Z', '30.12.2025 13:51'],
    ['en', '2025-12-30T12:51:00Z', '30/12/2025 13:51'],
  ] as const)('%s: %s is %s (the day only when not today)', (locale, at, text) => {
    expect(formatTimeWithDay(at, '2026-03-10T09:00:00Z', locale)).toBe(text);
  });

  it.each([
    // Friday 27 Nov 2026 17:00 Oslo → Monday 08:00.
    ['nn', '2026-11-30T07:00:00Z', '2026-11-27T16:00:00Z', 'måndag 08:00'],
    ['nb', '2026-11-30T07:00:00Z', '2026-11-27T16:00:00Z', 'mandag 08:00'],
    ['en', '2026-11-30T07:00:00Z', '2026-11-27T16:00:00Z', 'Monday 08:00'],
    ['nn', '2026-11-25T07:00:00Z', '2026-11-25T05:00:00Z', '08:00'],
    // Christmas: the next opening is more than a week away, so it has its date.
    ['nn', '2026-12-28T07:00:00Z', '2026-12-18T16:00:00Z', 'måndag 28.12. 08:00'],
    ['en', '2026-12-28T07:00:00Z', '2026-12-18T16:00:00Z', 'Monday 28/12 08:00'],
  ] as const)('%s: next opening %s seen at %s is %s', (locale, at, now, text) => {
    expect(formatNextOpening(at, now, locale)).toBe(text);
  });

  it.each([
    ['nn', '2026-05-04T06:00:00Z', 'måndag 4.5. 08:00'],
    ['en', '2026-03-11T07:00:00Z', 'Wednesday 11/3 08:00'],
    ['nn', '2026-03-08T07:00:00Z', 'søndag 8.3. 08:00'],
  ] as const)('%s: opening %s is %s', (locale, at, text) => {
    expect(formatOpening(at, locale)).toBe(text);
  });

  it.each([
    [10 * 1024 * 1024, 'en', '10 MB'],
    [1536 * 1024, 'nn', '1,5 MB'],
    [1536 * 1024, 'en', '1.5 MB'],
    [12 * 1024, 'nb', '12 kB'],
    [512, 'nn', '512 B'],
  ] as const)('%i bytes in %s is %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});
