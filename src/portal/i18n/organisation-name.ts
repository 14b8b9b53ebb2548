import type { Locale, OrganisationConfig } from '@core/config';

/** The service's name in the reader's language where the configuration gives it. */
export function organisationName(organisation: OrganisationConfig, locale: Locale): string {
  return organisation.localizedName?.[locale] ?? organisation.name;
}
