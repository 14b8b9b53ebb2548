import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatOpening } from './format';
import { nn } from './messages-nn';
import { catalogues, placeholdersOf, translate } from './translate';

describe('portal catalogues', () => {
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
  it('fills placeholders and leaves missing ones visible', () => {
    expect(translate('nn', 'phone.supportHeading', { phone: '70 16 29 99' })).toBe(
      'Ring brukarstøtta no: 70 16 29 99',
    );
    expect(translate('en', 'receipt.number')).toBe('Case number: {number}');
  });
});

describe('formatting in Europe/Oslo', () => {
  it('dates, openings and sizes', () => {
    expect(formatDateTime('2026-11-24T15:00:00Z', 'nb')).toBe('24.11.2026 16:00');
    expect(formatDateTime('2026-06-01T06:05:00Z', 'en')).toBe('01/06/2026 08:05');
    expect(formatOpening('2026-05-04T06:00:00Z', 'nn')).toBe('måndag 4.5. 08:00');
    expect(formatOpening('2026-03-11T07:00:00Z', 'en')).toBe('Wednesday 11/3 08:00');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatBytes(1536 * 1024, 'nn')).toBe('1,5 MB');
  });
});
