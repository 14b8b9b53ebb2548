import { placeholdersOf } from '@core/i18n/message-template';
import { describe, expect, it } from 'vitest';
import { adminCatalogues, adminNn } from './admin-messages';

describe('the administration catalogues', () => {
  it.each(['nb', 'en'] as const)('%s has every key with the same placeholders', (locale) => {
    const catalogue = adminCatalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(adminNn).sort());
    for (const [key, text] of Object.entries(adminNn)) {
      expect([key, placeholdersOf(catalogue[key as keyof typeof adminNn])]).toEqual([
        key,
        placeholdersOf(text),
      ]);
    }
  });
});
