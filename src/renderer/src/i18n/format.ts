import { DateTime } from 'luxon';
import type { Locale } from '../../../core/config/localized-text';
import { ORGANISATION_TIME_ZONE } from '../../../core/index';
import type { Translate } from './translate';

/**
 * Dates and times as users read them: always in Europe/Oslo, whatever zone the computer is
 * set to, because opening hours and SLA deadlines are Norwegian wall-clock times.
 */

/** Luxon/Intl locale for each UI language (English uses day-month order, 24-hour clock). */
const intlLocale: Record<Locale, string> = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' };

type InstantLike = string | number | Date;

function inOslo(instant: InstantLike, locale: Locale): DateTime {
  const dt =
    typeof instant === 'string'
      ? DateTime.fromISO(instant)
      : typeof instant === 'number'
        ? DateTime.fromMillis(instant)
        : DateTime.fromJSDate(instant);
  return dt.setZone(ORGANISATION_TIME_ZONE).setLocale(intlLocale[locale]);
}

/** '16:00' */
export function formatTime(instant: InstantLike, locale: Locale): string {
  return inOslo(instant, locale).toFormat('HH:mm');
}

/** '24.11.2026 10:05' (nn/nb) or '24/11/2026 10:05' (en). */
export function formatDateTime(instant: InstantLike, locale: Locale): string {
  return inOslo(instant, locale).toFormat(
    locale === 'en' ? 'dd/MM/yyyy HH:mm' : 'dd.MM.yyyy HH:mm',
  );
}

/**
 * A time that may lie on another day: '13:51' today (in Oslo), '9.3. 13:51' on another day
 * this year, '30.12.2025 13:51' in another year (en: '9/3 13:51', '30/12/2025 13:51'). A time
 * alone is read as today's, so it is only shown alone when it is.
 */
export function formatTimeWithDay(instant: InstantLike, now: InstantLike, locale: Locale): string {
  const at = inOslo(instant, locale);
  const today = inOslo(now, locale);
  if (at.hasSame(today, 'day')) return at.toFormat('HH:mm');
  const sameYear = at.hasSame(today, 'year');
  const day =
    locale === 'en'
      ? at.toFormat(sameYear ? 'd/M' : 'dd/MM/yyyy')
      : at.toFormat(sameYear ? 'd.M.' : 'dd.MM.yyyy');
  return `${day} ${at.toFormat('HH:mm')}`;
}

/** '08:00' later today, 'måndag 08:00' within a week of `now`, else 'måndag 29.12. 08:00'. */
export function formatNextOpening(instant: InstantLike, now: InstantLike, locale: Locale): string {
  const at = inOslo(instant, locale);
  const from = inOslo(now, locale);
  const sameDay = at.hasSame(from, 'day');
  const within = at.diff(from, 'days').days < 6;
  const weekday = weekdayName(at, locale);
  if (sameDay) return at.toFormat('HH:mm');
  if (within) return `${weekday} ${at.toFormat('HH:mm')}`;
  return `${weekday} ${at.toFormat(locale === 'en' ? 'd/M' : 'd.M.')} ${at.toFormat('HH:mm')}`;
}

// Intl has no Nynorsk weekday names in every Chromium build, so nn uses its own list.
const nnWeekdays = ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'sundag'];

function weekdayName(dt: DateTime, locale: Locale): string {
  if (locale === 'nn') return nnWeekdays[dt.weekday - 1]!;
  return dt.toFormat('cccc');
}

/** A span of minutes for humans: '45 min', '2 t 5 min', '3 d 4 t'. */
export function formatMinutes(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  if (total < 60) return t('duration.minutes', { m: total });
  if (total < 24 * 60) return t('duration.hours', { h: Math.floor(total / 60), m: total % 60 });
  const hours = Math.floor(total / 60);
  return t('duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
