import { defaultServiceConfig } from '@core/config';
import { describe, expect, it } from 'vitest';
import { organisationName } from './organisation-name';

describe('the name in the portal header', () => {
  it.each([
    ['nn', 'Romsdal IKT brukarstøtte'],
    ['nb', 'Romsdal IKT brukerstøtte'],
    ['en', 'Romsdal IKT user support'],
  ] as const)('%s: %s', (locale, expected) => {
    expect(organisationName(defaultServiceConfig.organisation, locale)).toBe(expected);
  });

  it('a configuration without names per language shows its one name', () => {
    const { localizedName: _, ...plain } = defaultServiceConfig.organisation;
    expect(organisationName({ ...plain, name: 'Nordfjord IKT' }, 'en')).toBe('Nordfjord IKT');
  });
});
