import { placeholdersOf } from '@core/i18n/message-template';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/translate';
import { searchCatalogues, searchNn } from './search-messages';

describe('search catalogues', () => {
  const keys = Object.keys(searchNn).sort();
  it.each(['nb', 'en'] as const)('%s has exactly the Nynorsk keys and placeholders', (locale) => {
    const catalogue = searchCatalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    for (const key of keys) {
      const k = key as keyof typeof searchNn;
      expect([key, placeholdersOf(catalogue[k])]).toEqual([key, placeholdersOf(searchNn[k])]);
    }
  });
  it.each(['nn', 'nb', 'en'] as const)(
    '%s says the SLA states as the workstation does',
    (locale) => {
      expect(searchCatalogues[locale]['search.status']).not.toBe('');
      expect(catalogues[locale]['filter.municipality']).toBe(
        searchCatalogues[locale]['search.municipality'],
      );
    },
  );
});
