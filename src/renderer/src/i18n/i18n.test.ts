import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatMinutes,
  formatNextOpening,
  formatTime,
  formatTimeWithDay,
} from './format';
import { nn } from './messages-nn';
import { catalogues, placeholdersOf, translate, translateCount, translatorFor } from './translate';

describe('message catalogues', () => {
  const keys = Object.keys(nn).sort();
  it.each(['nb', 'en'] as const)('%s has exactly the Nynorsk keys', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(keys);
  });
  it.each(['nb', 'en'] as const)('%s uses the same placeholders as Nynorsk', (locale) => {
    for (const key of keys) {
      const k = key as keyof typeof nn;
      expect([key, placeholdersOf(catalogues[locale][k])]).toEqual([key, placeholdersOf(nn[k])]);
    }
  });
  it.each(['nn', 'nb', 'en'] as const)('%s has no empty texts', (locale) => {
    for (const text of Object.values(catalogues[locale])) expect(text.trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('nn', 'banner.supportOpen', { time: '16:00', phone: '70 16 29 99' })).toBe(
      'Brukarstøtta er open til 16:00 — ring 70 16 29 99',
    );
  });
  it('leaves a missing placeholder visible', () => {
    expect(translate('en', 'sync.pending')).toBe('{count} changes waiting');
  });
  it.each([
    ['nn', 1, '1 endring ventar'],
    ['nn', 2, '2 endringar ventar'],
    ['nn', 0, '0 endringar ventar'],
    ['nb', 1, '1 endring venter'],
    ['nb', 12, '12 endringer venter'],
    ['en', 1, '1 change waiting'],
    ['en', 3, '3 changes waiting'],
  ] as const)('%s: %i → %s (singular for exactly one)', (locale, count, text) => {
    const keys = { one: 'sync.pendingOne', other: 'sync.pending' } as const;
    expect(translateCount(translatorFor(locale), count, keys)).toBe(text);
  });
});

describe('formatting in Europe/Oslo whatever the machine zone', () => {
  // now: Tuesday 10 March 2026 10:00 Oslo (09:00Z).
  it.each([
    ['nn', '2026-03-10T12:51:00Z', '13:51'],
    ['nn', '2026-03-09T12:51:00Z', '9.3. 13:51'],
    ['nn', '2026-03-09T23:30:00Z', '00:30'],
    ['nb', '2026-03-09T22:59:00Z', '9.3. 23:59'],
    ['en', '2026-03-01T06:05:00Z', '1/3 07:05'],
    ['nn', '2025-12-30T12:51:00Z', '30.12.2025 13:51'],
  ] as const)('%s: %s is %s (the day only when not today)', (locale, at, text) => {
    expect(formatTimeWithDay(at, '2026-03-10T09:00:00Z', locale)).toBe(text);
  });
  // 2026-11-24T15:00Z is 16:00 in Oslo (winter, +01:00); 2026-06-01T06:00Z is 08:00 (+02:00).
  it('formats times in Oslo', () => {
    expect(formatTime('2026-11-24T15:00:00Z', 'nn')).toBe('16:00');
    expect(formatTime(Date.parse('2026-06-01T06:00:00Z'), 'en')).toBe('08:00');
    expect(formatDateTime('2026-11-24T15:00:00Z', 'nb')).toBe('24.11.2026 16:00');
  });
  it('names the next opening by weekday', () => {
    // Friday 27 Nov 2026 17:00 Oslo → Monday 08:00.
    expect(formatNextOpening('2026-11-30T07:00:00Z', '2026-11-27T16:00:00Z', 'nn')).toBe(
      'måndag 08:00',
    );
    expect(formatNextOpening('2026-11-25T07:00:00Z', '2026-11-25T05:00:00Z', 'nn')).toBe('08:00');
    expect(formatNextOpening('2026-12-28T07:00:00Z', '2026-12-18T16:00:00Z', 'nn')).toBe(
      'måndag 28.12. 08:00',
    );
  });
  it('formats spans of minutes', () => {
    const t = translatorFor('nn');
    expect(formatMinutes(45, t)).toBe('45 min');
    expect(formatMinutes(125, t)).toBe('2 t 5 min');
    expect(formatMinutes(-(3 * 24 * 60 + 4 * 60), t)).toBe('3 d 4 t');
  });
});
