import { DateTime } from 'luxon';
import type { ServiceCalendar } from '../calendar/index';

/** The reporting periods of the board: today, the last 7 and the last 30 days. */
export const reportPeriods = ['today', 'days7', 'days30'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** How many local calendar days each period spans, today included. */
const periodDays: Record<ReportPeriod, number> = { today: 1, days7: 7, days30: 30 };

/** The start (epoch ms, inclusive) of each period; every period ends at `now`. */
export type PeriodStarts = Readonly<Record<ReportPeriod, number>>;

/**
 * Start of each period at `now`, on the calendar's local days (Europe/Oslo by default):
 * `today` starts at local midnight, `days7` at midnight six days before, `days30` at midnight
 * 29 days before. Local midnights, not 24-hour steps, so a DST change keeps the boundaries
 * where the team leader reads them.
 */
export function periodStarts(calendar: ServiceCalendar, now: number): PeriodStarts {
  const today = DateTime.fromMillis(now, { zone: calendar.config.timeZone }).startOf('day');
  const start = (period: ReportPeriod) => today.minus({ days: periodDays[period] - 1 }).toMillis();
  return { today: start('today'), days7: start('days7'), days30: start('days30') };
}

/** The periods an instant falls in (empty when before the 30-day window or after `now`). */
export function periodsOf(at: number, starts: PeriodStarts, now: number): ReportPeriod[] {
  if (at > now) return [];
  return reportPeriods.filter((p) => at >= starts[p]);
}
