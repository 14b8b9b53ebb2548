import type { Locale } from '@core/config/localized-text';
import { ORGANISATION_TIME_ZONE } from '@core/index';
import { DateTime } from 'luxon';

/**
 * Dates, times and sizes as the workstation and the portal show them: always in Europe/Oslo,
 * whatever zone the computer is set to, because opening hours and SLA deadlines are Norwegian
 * wall-clock times. Words (weekdays) and separators come from here rather than from the
 * browser's locale data, which may lack Nynorsk (Debian's Chromium does), so every browser
 * shows the same text.
 */

export type InstantLike = string | number | Date;

/** Monday first; Nynorsk as the seed writes it ("Laurdag, søndag og heilagdagar"). */
const weekdays: Readonly<Record<Locale, readonly string[]>> = {
  nn: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

function inOslo(instant: InstantLike): DateTime {
  const dt =
    typeof instant === 'string'
      ? DateTime.fromISO(instant)
      : typeof instant === 'number'
        ? DateTime.fromMillis(instant)
        : DateTime.fromJSDate(instant);
  return dt.setZone(ORGANISATION_TIME_ZONE);
}

/** The weekday of an instant in Oslo: 'søndag', 'søndag', 'Sunday'. */
export function formatWeekday(instant: InstantLike, locale: Locale): string {
  return weekdays[locale][inOslo(instant).weekday - 1]!;
}

/** '16:00' */
export function formatTime(instant: InstantLike, _locale?: Locale): string {
  return inOslo(instant).toFormat('HH:mm');
}

/** '24.11.2026 10:05' (nn/nb) or '24/11/2026 10:05' (en). */
export function formatDateTime(instant: InstantLike, locale: Locale): string {
  return inOslo(instant).toFormat(locale === 'en' ? 'dd/MM/yyyy HH:mm' : 'dd.MM.yyyy HH:mm');
}

/** '9.3.' (nn/nb) or '9/3' (en): a day this year. */
const shortDate = (at: DateTime, locale: Locale) => at.toFormat(locale === 'en' ? 'd/M' : 'd.M.');

/**
 * A time that may lie on another day: '13:51' today (in Oslo), '9.3. 13:51' on another day
 * this year, '30.12.2025 13:51' in another year (en: '9/3 13:51', '30/12/2025 13:51'). A time
 * alone is read as today's, so it is only shown alone when it is.
 */
export function formatTimeWithDay(instant: InstantLike, now: InstantLike, locale: Locale): string {
  const at = inOslo(instant);
  const today = inOslo(now);
  if (at.hasSame(today, 'day')) return at.toFormat('HH:mm');
  const day = at.hasSame(today, 'year')
    ? shortDate(at, locale)
    : at.toFormat(locale === 'en' ? 'dd/MM/yyyy' : 'dd.MM.yyyy');
  return `${day} ${at.toFormat('HH:mm')}`;
}

/** 'måndag 4.5. 08:00' / 'Monday 4/5 08:00': when support opens, with its date. */
export function formatOpening(instant: InstantLike, locale: Locale): string {
  const at = inOslo(instant);
  return `${formatWeekday(instant, locale)} ${shortDate(at, locale)} ${at.toFormat('HH:mm')}`;
}

/** '08:00' later today, 'måndag 08:00' within a week of `now`, else 'måndag 29.12. 08:00'. */
export function formatNextOpening(instant: InstantLike, now: InstantLike, locale: Locale): string {
  const at = inOslo(instant);
  const from = inOslo(now);
  if (at.hasSame(from, 'day')) return at.toFormat('HH:mm');
  if (at.diff(from, 'days').days < 6) {
    return `${formatWeekday(instant, locale)} ${at.toFormat('HH:mm')}`;
  }
  return formatOpening(instant, locale);
}

/** Bytes as '10 MB' / '1,5 MB' (decimal comma in Norwegian), '12 kB', '512 B'. */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (n: number) => {
    const text = String(Math.round(n * 10) / 10);
    return locale === 'en' ? text : text.replace('.', ',');
  };
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
