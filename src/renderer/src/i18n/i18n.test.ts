import { catalogueProblems } from '@web/i18n/translator';
import { describe, expect, it } from 'vitest';
import { formatMinutes, formatNextOpening } from './format';
import { catalogues, translate, translateCount, translatorFor } from './translate';

describe('message catalogues', () => {
  it('nb and en say what nn says: the same keys and placeholders, no empty text', () => {
    expect(catalogueProblems(catalogues)).toEqual([]);
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

describe('the workstation formats in Europe/Oslo with the shared functions', () => {
  // The workstation said "sundag" and the portal "søndag"; the seed writes "søndag".
  it.each([
    ['nn', 'søndag 08:00'],
    ['nb', 'søndag 08:00'],
    ['en', 'Sunday 08:00'],
  ] as const)('%s: a Sunday opening reads %s', (locale, text) => {
    // From Friday 6 March 2026 17:00 Oslo to Sunday 8 March 08:00.
    expect(formatNextOpening('2026-03-08T07:00:00Z', '2026-03-06T16:00:00Z', locale)).toBe(text);
  });
  it('formats spans of minutes', () => {
    const t = translatorFor('nn');
    expect(formatMinutes(45, t)).toBe('45 min');
    expect(formatMinutes(125, t)).toBe('2 t 5 min');
    expect(formatMinutes(-(3 * 24 * 60 + 4 * 60), t)).toBe('3 d 4 t');
  });
});
