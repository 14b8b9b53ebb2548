/**
 * On-call periods: the shifts a rota assigns, computed from the service calendar. The
 * calendar's on-call hours (each working day's 15:30–08:00, weekends, public holidays and
 * configured closed days all day) are joined into stretches and cut at the daily handover
 * (08:00 by default): Monday 15:30 – Tuesday 08:00 is one period, a weekend is Friday 15:30 –
 * Saturday 08:00, Saturday 08:00 – Sunday 08:00 and Sunday 08:00 – Monday 08:00. Instants are
 * real (epoch ms), so DST days give 23- and 25-hour periods with no special case.
 */
import { DateTime } from 'luxon';
import { minutesOfTime } from '../calendar/calendar-config';
import { isoWeekdayOfDays } from '../calendar/civil-date';
import type { ServiceCalendar } from '../calendar/service-calendar';

/** What kind of day a period starts on (for the rota screen and on-call pay). */
export type OnCallPeriodKind = 'weekday' | 'weekend' | 'publicHoliday' | 'closedDay';

export interface OnCallPeriod {
  /** Stable id: the local start, 'YYYY-MM-DDTHH:mm' in the calendar's zone. */
  id: string;
  /** Local date the period starts on ('YYYY-MM-DD'). */
  date: string;
  startMs: number;
  endMs: number;
  kind: OnCallPeriodKind;
}

const DAY_MS = 86_400_000;

function handoverMs(calendar: ServiceCalendar, date: string, minutes: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return DateTime.fromObject(
    { year: y, month: m, day: d, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: calendar.config.timeZone },
  ).toMillis();
}

/** The period id of an instant: its local 'YYYY-MM-DDTHH:mm'. */
export function periodIdOf(calendar: ServiceCalendar, ms: number): string {
  return DateTime.fromMillis(ms, { zone: calendar.config.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * On-call periods that overlap [fromMs, toMs), in time order.
 * @param handoverTime 'HH:mm' at which a long stretch is cut into the next period.
 */
export function onCallPeriods(
  calendar: ServiceCalendar,
  fromMs: number,
  toMs: number,
  handoverTime = '08:00',
): OnCallPeriod[] {
  if (!(toMs > fromMs)) return [];
  const handover = minutesOfTime(handoverTime);
  // Start two days early: a period is at most a day long (it is cut at every handover), so
  // the period that holds fromMs is then seen from its real start.
  let plan = calendar.dayPlanAt(fromMs - 2 * DAY_MS);
  const stretches: Array<[number, number]> = [];
  const cuts: number[] = [];
  while (plan.startMs <= toMs + DAY_MS) {
    cuts.push(handoverMs(calendar, plan.date, handover));
    const list = plan.intervals.onCall;
    for (let i = 0; i < list.length; i += 2) {
      const last = stretches[stretches.length - 1];
      if (last && last[1] === list[i]) last[1] = list[i + 1]!;
      else stretches.push([list[i]!, list[i + 1]!]);
    }
    plan = calendar.dayPlan(plan.dayNumber + 1);
  }
  const periods: OnCallPeriod[] = [];
  const scanStart = calendar.dayPlanAt(fromMs - 2 * DAY_MS).startMs;
  for (const [start, end] of stretches) {
    const points = [start, ...cuts.filter((c) => c > start && c < end), end];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!;
      const e = points[i + 1]!;
      // The scan's first stretch may have begun before the scan: its first piece is cut short.
      if (s === scanStart) continue;
      if (e <= fromMs || s >= toMs) continue;
      periods.push(makePeriod(calendar, s, e));
    }
  }
  return periods;
}

function makePeriod(calendar: ServiceCalendar, startMs: number, endMs: number): OnCallPeriod {
  const plan = calendar.dayPlanAt(startMs);
  const weekday = isoWeekdayOfDays(plan.dayNumber);
  const kind: OnCallPeriodKind = plan.closedDays.some((d) => d.kind === 'publicHoliday')
    ? 'publicHoliday'
    : plan.closedDays.length > 0
      ? 'closedDay'
      : weekday >= 6
        ? 'weekend'
        : 'weekday';
  return { id: periodIdOf(calendar, startMs), date: plan.date, startMs, endMs, kind };
}

/** The period on call at an instant, or null while on-call is not staffed. */
export function onCallPeriodAt(
  calendar: ServiceCalendar,
  ms: number,
  handoverTime = '08:00',
): OnCallPeriod | null {
  return (
    onCallPeriods(calendar, ms, ms + 1, handoverTime).find(
      (p) => p.startMs <= ms && ms < p.endMs,
    ) ?? null
  );
}

/** The first period that starts after an instant (the "next" on the on-call banner). */
export function nextOnCallPeriod(
  calendar: ServiceCalendar,
  ms: number,
  handoverTime = '08:00',
): OnCallPeriod | null {
  for (let days = 2; days <= 64; days *= 2) {
    const next = onCallPeriods(calendar, ms, ms + days * DAY_MS, handoverTime).find(
      (p) => p.startMs > ms,
    );
    if (next) return next;
  }
  return null;
}

/** Whether user support is open at an instant (inside support hours). */
export function isInsideSupportHours(calendar: ServiceCalendar, ms: number): boolean {
  const list = calendar.dayPlanAt(ms).intervals.support;
  for (let i = 0; i < list.length; i += 2) if (list[i]! <= ms && ms < list[i + 1]!) return true;
  return false;
}
