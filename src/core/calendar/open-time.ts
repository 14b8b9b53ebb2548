/**
 * Business-time arithmetic: adding open minutes to an instant and measuring the open
 * minutes between two instants, on the support calendar or round the clock.
 *
 * Works on the cached per-day interval lists, so the cost is a few array reads per day
 * crossed, never per minute; and because intervals are real instants, DST days (23 h,
 * 25 h) and midnight need no special cases.
 */
import { DateTime } from 'luxon';
import type { ServiceCalendar } from './service-calendar';

/**
 * Which clock an SLA target runs on.
 * - `support`: only while user support is open (working days 08:00–16:00 by default).
 * - `roundTheClock`: while support is open or on-call is staffed (every minute with the
 *   default configuration, but computed from the configuration so changed hours count).
 */
export type CalendarKind = 'support' | 'roundTheClock';

/** Instants the calendar functions accept: a Date, epoch milliseconds, or a luxon DateTime. */
export type Instant = Date | number | DateTime;

const MINUTE_MS = 60_000;
/** Give up after this many days in a row without open time: the configuration never opens. */
const MAX_CLOSED_DAYS = 800;

/** Epoch milliseconds of an instant. @throws RangeError for invalid dates or non-finite numbers. */
export function toEpochMs(instant: Instant): number {
  const ms =
    typeof instant === 'number'
      ? instant
      : instant instanceof Date
        ? instant.getTime()
        : DateTime.isDateTime(instant)
          ? instant.toMillis()
          : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError('instant must be a valid date and time');
  return ms;
}

/**
 * The instant at which `ms` milliseconds of open time have passed since `startMs`.
 * Adding 0 returns `startMs` unchanged; a result that lands on the end of an interval
 * is that end (Friday 15:00 + 60 support minutes = Friday 16:00, not Monday 08:00).
 */
export function addOpenMs(
  calendar: ServiceCalendar,
  kind: CalendarKind,
  startMs: number,
  ms: number,
): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) {
    throw new RangeError(`minutes to add must be a finite number ≥ 0, got ${ms / MINUTE_MS}`);
  }
  if (ms === 0) return startMs;
  let remaining = ms;
  let plan = calendar.dayPlanAt(startMs);
  let closedInARow = 0;
  for (;;) {
    const list = plan.intervals[kind];
    for (let i = 0; i < list.length; i += 2) {
      const end = list[i + 1]!;
      if (end <= startMs) continue;
      const start = Math.max(list[i]!, startMs);
      const available = end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
    closedInARow = list.length === 0 ? closedInARow + 1 : 0;
    if (closedInARow > MAX_CLOSED_DAYS) {
      throw new RangeError(`the ${kind} calendar has no open time for ${MAX_CLOSED_DAYS} days`);
    }
    plan = calendar.dayPlan(plan.dayNumber + 1);
  }
}

/** Open milliseconds between two instants; negative when `toMs` is before `fromMs`. */
export function openMsBetween(
  calendar: ServiceCalendar,
  kind: CalendarKind,
  fromMs: number,
  toMs: number,
): number {
  // `0 - x` rather than `-x`: an empty reversed range must give 0, not -0.
  if (toMs < fromMs) return 0 - openMsBetween(calendar, kind, toMs, fromMs);
  let total = 0;
  let plan = calendar.dayPlanAt(fromMs);
  for (;;) {
    const list = plan.intervals[kind];
    for (let i = 0; i < list.length; i += 2) {
      const start = Math.max(list[i]!, fromMs);
      const end = Math.min(list[i + 1]!, toMs);
      if (end > start) total += end - start;
    }
    if (plan.endMs >= toMs) return total;
    plan = calendar.dayPlan(plan.dayNumber + 1);
  }
}

/**
 * The instant at which `minutes` open minutes of the `kind` calendar have passed since
 * `instant`. Closed time is skipped, so a high case reported Friday 15:45 with 60 minutes
 * to respond is due Monday 08:45. Fractions of minutes are kept to the millisecond.
 * @throws RangeError when minutes is negative or not finite, or the calendar never opens.
 */
export function addOpenMinutes(
  calendar: ServiceCalendar,
  kind: CalendarKind,
  instant: Instant,
  minutes: number,
): Date {
  return new Date(addOpenMs(calendar, kind, toEpochMs(instant), minutes * MINUTE_MS));
}

/**
 * Open minutes of the `kind` calendar between two instants. Antisymmetric: when `to` is
 * before `from` the result is the negative of the forward measure (never silently 0), so
 * "minutes left" style subtractions keep their sign.
 */
export function openMinutesBetween(
  calendar: ServiceCalendar,
  kind: CalendarKind,
  from: Instant,
  to: Instant,
): number {
  return openMsBetween(calendar, kind, toEpochMs(from), toEpochMs(to)) / MINUTE_MS;
}
