/**
 * The twelve Norwegian public holidays (heilagdagar), computed for any year 1900–2200.
 *
 * Four are fixed dates; eight hang off Easter Sunday, which moves, so it is computed
 * with the Gregorian computus rather than kept in a table that would run out.
 */
import { civilFromDays, daysFromCivil, formatIsoDate } from './civil-date';

/** The first and last year the holiday rules are offered for; outside them callers get a RangeError. */
export const MIN_HOLIDAY_YEAR = 1900;
export const MAX_HOLIDAY_YEAR = 2200;

/** Stable identifiers of the holidays, in calendar order; UIs localise through {@link holidayNames}. */
export const holidayKeys = [
  'newYearsDay',
  'maundyThursday',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'labourDay',
  'constitutionDay',
  'ascensionDay',
  'whitSunday',
  'whitMonday',
  'christmasDay',
  'boxingDay',
] as const;

export type HolidayKey = (typeof holidayKeys)[number];

/** Languages the holiday names are kept in: Nynorsk (the default), Bokmål and English. */
export type HolidayLanguage = 'nn' | 'nb' | 'en';

/** Names of each holiday by language. Nynorsk is the service's own language. */
export const holidayNames: Readonly<Record<HolidayKey, Readonly<Record<HolidayLanguage, string>>>> =
  {
    newYearsDay: { nn: 'Første nyttårsdag', nb: 'Første nyttårsdag', en: "New Year's Day" },
    maundyThursday: { nn: 'Skjærtorsdag', nb: 'Skjærtorsdag', en: 'Maundy Thursday' },
    goodFriday: { nn: 'Langfredag', nb: 'Langfredag', en: 'Good Friday' },
    easterSunday: { nn: 'Første påskedag', nb: 'Første påskedag', en: 'Easter Sunday' },
    easterMonday: { nn: 'Andre påskedag', nb: 'Andre påskedag', en: 'Easter Monday' },
    labourDay: { nn: 'Arbeidarane sin dag', nb: 'Arbeidernes dag', en: 'Labour Day' },
    constitutionDay: { nn: 'Grunnlovsdagen', nb: 'Grunnlovsdagen', en: 'Constitution Day' },
    ascensionDay: { nn: 'Kristi himmelfartsdag', nb: 'Kristi himmelfartsdag', en: 'Ascension Day' },
    whitSunday: { nn: 'Første pinsedag', nb: 'Første pinsedag', en: 'Whit Sunday' },
    whitMonday: { nn: 'Andre pinsedag', nb: 'Andre pinsedag', en: 'Whit Monday' },
    christmasDay: { nn: 'Første juledag', nb: 'Første juledag', en: 'Christmas Day' },
    boxingDay: { nn: 'Andre juledag', nb: 'Andre juledag', en: 'Boxing Day' },
  };

/** One public holiday in one year. `name` is Nynorsk; other languages via `holidayNames[key]`. */
export interface NorwegianHoliday {
  /** 'YYYY-MM-DD'. */
  date: string;
  key: HolidayKey;
  name: string;
}

/** Throws a RangeError unless `year` is a whole year the holiday rules are offered for. */
export function assertHolidayYear(year: number, what = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_HOLIDAY_YEAR || year > MAX_HOLIDAY_YEAR) {
    throw new RangeError(
      `${what} must be a whole year from ${MIN_HOLIDAY_YEAR} to ${MAX_HOLIDAY_YEAR}, got ${year}`,
    );
  }
}

/** Easter Sunday as days since 1970-01-01 (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
function easterSundayDays(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** Easter Sunday of `year` as 'YYYY-MM-DD'. Throws a RangeError outside 1900–2200. */
export function easterSunday(year: number): string {
  assertHolidayYear(year);
  return formatIsoDate(civilFromDays(easterSundayDays(year)));
}

/** Days after Easter Sunday of each movable holiday. */
const easterOffsets: ReadonlyArray<readonly [HolidayKey, number]> = [
  ['maundyThursday', -3],
  ['goodFriday', -2],
  ['easterSunday', 0],
  ['easterMonday', 1],
  ['ascensionDay', 39],
  ['whitSunday', 49],
  ['whitMonday', 50],
];

const fixedDates: ReadonlyArray<readonly [HolidayKey, number, number]> = [
  ['newYearsDay', 1, 1],
  ['labourDay', 5, 1],
  ['constitutionDay', 5, 17],
  ['christmasDay', 12, 25],
  ['boxingDay', 12, 26],
];

/**
 * The twelve public holidays of `year`, sorted by date (then in {@link holidayKeys} order).
 * Two holidays can share a date (17 May 2027 is also Whit Monday): both are returned,
 * because callers that list holidays must show both names.
 * @throws RangeError when `year` is not a whole year in 1900–2200.
 */
export function norwegianHolidays(year: number): NorwegianHoliday[] {
  assertHolidayYear(year);
  const easter = easterSundayDays(year);
  const entries: Array<{ days: number; key: HolidayKey }> = [
    ...fixedDates.map(([key, month, day]) => ({ days: daysFromCivil(year, month, day), key })),
    ...easterOffsets.map(([key, offset]) => ({ days: easter + offset, key })),
  ];
  entries.sort(
    (x, y) => x.days - y.days || holidayKeys.indexOf(x.key) - holidayKeys.indexOf(y.key),
  );
  return entries.map(({ days, key }) => ({
    date: formatIsoDate(civilFromDays(days)),
    key,
    name: holidayNames[key].nn,
  }));
}
