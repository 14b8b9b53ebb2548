import { describe, expect, it } from 'vitest';
import { oncallCatalogues, oncallNn, oncallTranslator } from './oncall-messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('on-call catalogues', () => {
  it.each(['nb', 'en'] as const)(
    '%s has every Nynorsk key with the same placeholders',
    (locale) => {
      const catalogue = oncallCatalogues[locale];
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(oncallNn).sort());
      for (const [key, text] of Object.entries(oncallNn)) {
        expect(placeholders(catalogue[key as keyof typeof oncallNn]), key).toEqual(
          placeholders(text),
        );
      }
    },
  );

  it('fills placeholders', () => {
    expect(oncallTranslator('nn')('now.phone', { phone: '70 16 24 46' })).toBe(
      'Vakttelefon 70 16 24 46',
    );
  });
});
