/**
 * Dates, times and sizes as the portal shows them, always in the service's zone
 * (Europe/Oslo). Words and separators come from here rather than from the browser's locale
 * data, which may lack Nynorsk (Debian's Chromium does): every browser shows the same text.
 */
import { ORGANISATION_TIME_ZONE } from '../../core';
import type { Locale } from '../../core/config/localized-text';

const weekdays: Readonly<Record<Locale, readonly string[]>> = {
  nn: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const weekdayIndex: Readonly<Record<string, number>> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

/** The wall-clock fields of an instant in Oslo. */
function inOslo(instant: string | number | Date) {
  const parts = Object.fromEntries(
    osloParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return {
    year: parts.year!,
    month: Number(parts.month),
    day: Number(parts.day),
    time: `${parts.hour}:${parts.minute}`,
    weekday: weekdayIndex[parts.weekday!] ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "24.11.2026 16:00" (nn, nb) or "24/11/2026 16:00" (en). */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  const t = inOslo(instant);
  const sep = locale === 'en' ? '/' : '.';
  return `${pad(t.day)}${sep}${pad(t.month)}${sep}${t.year} ${t.time}`;
}

/** "måndag 4.5. 08:00" / "Monday 4/5 08:00": when support opens next. */
export function formatOpening(instant: string | number | Date, locale: Locale): string {
  const t = inOslo(instant);
  const date = locale === 'en' ? `${t.day}/${t.month}` : `${t.day}.${t.month}.`;
  return `${weekdays[locale][t.weekday]} ${date} ${t.time}`;
}

/** Bytes as "10 MB" / "1,5 MB" (decimal comma in Norwegian). */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (n: number) => {
    const text = String(Math.round(n * 10) / 10);
    return locale === 'en' ? text : text.replace('.', ',');
  };
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} B`;
}
