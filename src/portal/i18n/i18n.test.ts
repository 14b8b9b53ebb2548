import { catalogueProblems } from '@web/i18n/translator';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from './translate';

describe('portal catalogues', () => {
  it('nb and en say what nn says: the same keys and placeholders, no empty text', () => {
    expect(catalogueProblems(catalogues)).toEqual([]);
  });
  it('fills placeholders and leaves missing ones visible', () => {
    expect(translate('nn', 'phone.supportHeading', { phone: '70 16 29 99' })).toBe(
      'Ring brukarstøtta no: 70 16 29 99',
    );
    expect(translate('en', 'receipt.number')).toBe('Case number: {number}');
  });
});
