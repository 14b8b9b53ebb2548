/** Dates, times and sizes as the portal shows them: always in the service's zone (Europe/Oslo). */
import { ORGANISATION_TIME_ZONE } from '../../core';
import type { Locale } from '../../core/config/localized-text';

const intlLocale: Readonly<Record<Locale, string>> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' };

export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: ORGANISATION_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(instant))
    .replace(',', '');
}

/** "måndag 10.03. kl. 08:00"-style wording for when support opens next. */
export function formatOpening(instant: string | number | Date, locale: Locale): string {
  const date = new Date(instant);
  const weekday = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: ORGANISATION_TIME_ZONE,
    weekday: 'long',
  }).format(date);
  const time = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: ORGANISATION_TIME_ZONE,
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(',', '');
  return `${weekday} ${time}`;
}

/** Bytes as "10 MB" / "512 kB" (decimal units, as file pickers show them). */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (n: number) =>
    new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
