/**
 * Calendar dates without a time zone ("civil" dates), as plain integers.
 *
 * The service calendar keys everything by day; doing the day arithmetic in integers
 * (days since 1970-01-01) keeps it exact and fast, and leaves luxon for the one thing
 * that needs time-zone rules: turning a local wall-clock time into an instant.
 */

/** A date as year, month (1–12) and day of month (1–31). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date that is `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** 'YYYY-MM-DD' for a civil date. */
export function formatIsoDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses 'YYYY-MM-DD' and rejects dates that do not exist (2026-02-30), returning
 * undefined rather than throwing so that schemas can phrase their own message.
 */
export function parseIsoDate(text: string): CivilDate | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const roundTrip = civilFromDays(daysFromCivil(year, month, day));
  if (roundTrip.month !== month || roundTrip.day !== day || month < 1 || month > 12) {
    return undefined;
  }
  return { year, month, day };
}
