/**
 * A service calendar: the configuration turned into concrete opening intervals per day,
 * as epoch-millisecond pairs, computed once per date and cached. Everything else
 * (status, business-time arithmetic, the SLA clock) reads these day plans, which is what
 * keeps 100,000 SLA computations well under a second.
 */
import { DateTime } from 'luxon';
import type { CalendarConfig } from './calendar-config';
import { minutesOfTime, weekdays } from './calendar-config';
import {
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  isoWeekdayOfDays,
  parseIsoDate,
} from './civil-date';
import { assertHolidayYear, type HolidayKey, norwegianHolidays } from './norwegian-holidays';

/** A day the service is closed: a public holiday (with its key) or an extra closed day. */
export interface ClosedDay {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Nynorsk name of a public holiday, or the name given in the configuration. */
  name: string;
  /** Set for public holidays, so UIs can show the name in another language. */
  key?: HolidayKey;
  kind: 'publicHoliday' | 'extraClosedDay';
}

/** Which schedule an interval list describes. `roundTheClock` is support ∪ on-call. */
export type ScheduleKind = 'support' | 'onCall' | 'roundTheClock';

/** One date's schedule, with instants as epoch milliseconds. */
export interface DayPlan {
  /** Days since 1970-01-01 of this date. */
  readonly dayNumber: number;
  /** 'YYYY-MM-DD'. */
  readonly date: string;
  /** Local midnight at the start of the date and at the start of the next one (23 h or 25 h
   *  apart on DST days). */
  readonly startMs: number;
  readonly endMs: number;
  /** Closed days falling on this date (several public holidays can share one date). */
  readonly closedDays: readonly ClosedDay[];
  /** Flat [start, end, start, end, …] lists, sorted and non-overlapping within the day. */
  readonly intervals: Readonly<Record<ScheduleKind, readonly number[]>>;
}

/** A configured calendar with its caches. Create one per configuration and reuse it. */
export interface ServiceCalendar {
  readonly config: CalendarConfig;
  /** The plan of the date that is `dayNumber` days after 1970-01-01. */
  dayPlan(dayNumber: number): DayPlan;
  /** The plan of the local date containing the instant `ms`. */
  dayPlanAt(ms: number): DayPlan;
  /** Public holidays and extra closed days of one year, sorted by date. */
  closedDaysOf(year: number): readonly ClosedDay[];
}

const DAY_MS = 86_400_000;

/** Turns flat interval lists into one sorted, merged list (for the union of schedules). */
function mergeIntervals(...lists: ReadonlyArray<readonly number[]>): number[] {
  const pairs: Array<[number, number]> = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, end] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return merged;
}

/**
 * Builds a calendar from a parsed configuration. Holidays are computed per year and day
 * plans per date on first use, then kept, so repeated questions about the same weeks cost
 * a map lookup.
 */
export function createServiceCalendar(config: CalendarConfig): ServiceCalendar {
  const zone = config.timeZone;
  const closedByYear = new Map<number, readonly ClosedDay[]>();
  const closedByDate = new Map<number, Map<string, ClosedDay[]>>();
  const plans = new Map<number, DayPlan>();
  // A typical offset of the zone, used only to guess the local date of an instant.
  const typicalOffsetMs = DateTime.fromMillis(0, { zone }).offset * 60_000;

  function closedDaysOf(year: number): readonly ClosedDay[] {
    let days = closedByYear.get(year);
    if (!days) {
      assertHolidayYear(year);
      const prefix = `${String(year).padStart(4, '0')}-`;
      const all: ClosedDay[] = [
        ...norwegianHolidays(year).map(
          (h): ClosedDay => ({ date: h.date, name: h.name, key: h.key, kind: 'publicHoliday' }),
        ),
        ...config.extraClosedDays
          .filter((d) => d.date.startsWith(prefix))
          .map((d): ClosedDay => ({ date: d.date, name: d.name, kind: 'extraClosedDay' })),
      ];
      // Stable sort: on a shared date, public holidays keep their order before extra days.
      days = all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      closedByYear.set(year, days);
      const byDate = new Map<string, ClosedDay[]>();
      for (const day of days) byDate.set(day.date, [...(byDate.get(day.date) ?? []), day]);
      closedByDate.set(year, byDate);
    }
    return days;
  }

  function localMs(year: number, month: number, day: number, minutes: number): number {
    return DateTime.fromObject(
      { year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone },
    ).toMillis();
  }

  function buildPlan(dayNumber: number): DayPlan {
    const civil = civilFromDays(dayNumber);
    const next = civilFromDays(dayNumber + 1);
    const date = formatIsoDate(civil);
    closedDaysOf(civil.year);
    const closedDays = closedByDate.get(civil.year)?.get(date) ?? [];
    const startMs = localMs(civil.year, civil.month, civil.day, 0);
    const endMs = localMs(next.year, next.month, next.day, 0);
    const weekday = weekdays[isoWeekdayOfDays(dayNumber) - 1]!;
    const closed = closedDays.length > 0;
    const toMs = (hours: ReadonlyArray<{ from: string; to: string }>): number[] => {
      const list: number[] = [];
      for (const { from, to } of hours) {
        const toMinutes = minutesOfTime(to);
        const s = localMs(civil.year, civil.month, civil.day, minutesOfTime(from));
        const e =
          toMinutes === 1440 ? endMs : localMs(civil.year, civil.month, civil.day, toMinutes);
        // A window inside the skipped spring-forward hour collapses to nothing.
        if (e > s) list.push(s, e);
      }
      return list;
    };
    const support = closed ? [] : toMs(config.supportHours[weekday]);
    const onCall = toMs(closed ? config.onCall.publicHolidays : config.onCall[weekday]);
    return {
      dayNumber,
      date,
      startMs,
      endMs,
      closedDays,
      intervals: { support, onCall, roundTheClock: mergeIntervals(support, onCall) },
    };
  }

  function dayPlan(dayNumber: number): DayPlan {
    let plan = plans.get(dayNumber);
    if (!plan) {
      plan = buildPlan(dayNumber);
      plans.set(dayNumber, plan);
    }
    return plan;
  }

  function dayPlanAt(ms: number): DayPlan {
    let plan = dayPlan(Math.floor((ms + typicalOffsetMs) / DAY_MS));
    while (ms < plan.startMs) plan = dayPlan(plan.dayNumber - 1);
    while (ms >= plan.endMs) plan = dayPlan(plan.dayNumber + 1);
    return plan;
  }

  return { config, dayPlan, dayPlanAt, closedDaysOf };
}

/** Days since 1970-01-01 of an ISO date, or a RangeError naming the bad value. */
export function dayNumberOf(isoDate: string): number {
  const civil = parseIsoDate(isoDate);
  if (!civil)
    throw new RangeError(`date must be a real calendar date 'YYYY-MM-DD', got '${isoDate}'`);
  return daysFromCivil(civil.year, civil.month, civil.day);
}

/**
 * Whether support opens on this date: its weekday has support hours and it is neither a
 * public holiday nor an extra closed day. With the default configuration: Monday–Friday
 * that is not a holiday (the seed's "virkedag").
 */
export function isWorkingDay(calendar: ServiceCalendar, isoDate: string): boolean {
  return calendar.dayPlan(dayNumberOf(isoDate)).intervals.support.length > 0;
}

/** Public holidays and extra closed days from the start of `fromYear` to the end of `toYear`,
 *  sorted by date. @throws RangeError for years outside 1900–2200 or fromYear > toYear. */
export function holidaysBetween(
  calendar: ServiceCalendar,
  fromYear: number,
  toYear: number = fromYear,
): ClosedDay[] {
  assertHolidayYear(fromYear, 'fromYear');
  assertHolidayYear(toYear, 'toYear');
  if (fromYear > toYear) {
    throw new RangeError(`fromYear (${fromYear}) must not be after toYear (${toYear})`);
  }
  const result: ClosedDay[] = [];
  for (let year = fromYear; year <= toYear; year++) result.push(...calendar.closedDaysOf(year));
  return result;
}
