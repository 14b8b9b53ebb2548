/**
 * What the service looks like at an instant: is support open, is on-call staffed, which
 * number should a caller be given, and when does that change.
 */
import { DateTime } from 'luxon';
import { type Instant, toEpochMs } from './open-time';
import type { ScheduleKind, ServiceCalendar } from './service-calendar';

/** A moment the open/staffed state changes, and the state from then on. */
export interface StatusChange {
  /** ISO-8601 instant with the calendar zone's offset. */
  at: string;
  supportOpen: boolean;
  onCallStaffed: boolean;
}

/** The service at one instant. */
export interface ServiceStatus {
  /** The instant asked about, ISO-8601 with the calendar zone's offset (+01:00 / +02:00). */
  at: string;
  /** User support is open (working days 08:00–16:00 by default). */
  supportOpen: boolean;
  /** On-call is staffed (every instant except working days 08:00–15:30 by default). In the
   *  15:30–16:00 overlap both are true. */
  onCallStaffed: boolean;
  /** Number to give callers: support while it is open, on-call otherwise, null if neither. */
  callNumber: string | null;
  /**
   * Which cases that number is for.
   * - `all`: support is open and takes every priority.
   * - `critical`: only on-call is staffed, and it takes critical faults only (seed: "not an
   *   extended support service").
   * - `none`: nobody is staffed (only possible with a changed configuration).
   */
  callFor: 'all' | 'critical' | 'none';
  /** The next instant at which supportOpen or onCallStaffed changes. */
  nextChange: StatusChange;
  /** When the current support opening ends; present only while support is open. */
  supportClosesAt?: string;
  /** Start of the next support opening strictly after `at` (while open: the one after this). */
  nextSupportOpening: string;
}

/** Don't look further ahead than this for a change; past it the configuration never opens. */
const HORIZON_DAYS = 800;

/**
 * Open spans of `kind` whose end is after `t`, in time order, with intervals that touch
 * (15:30–24:00 then 00:00–08:00) merged into one span, since touching is not a change.
 */
function* spansFrom(
  calendar: ServiceCalendar,
  kind: ScheduleKind,
  t: number,
): Generator<readonly [number, number]> {
  let plan = calendar.dayPlanAt(t);
  let current: [number, number] | undefined;
  for (let day = 0; day < HORIZON_DAYS; day++) {
    const list = plan.intervals[kind];
    for (let i = 0; i < list.length; i += 2) {
      const start = list[i]!;
      const end = list[i + 1]!;
      if (end <= t) continue;
      if (current && start <= current[1]) current[1] = Math.max(current[1], end);
      else {
        if (current) yield current;
        current = [start, end];
      }
    }
    plan = calendar.dayPlan(plan.dayNumber + 1);
  }
  if (current) yield current;
}

function firstSpans(
  calendar: ServiceCalendar,
  kind: ScheduleKind,
  t: number,
  count: number,
): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const span of spansFrom(calendar, kind, t)) {
    spans.push(span);
    if (spans.length >= count) break;
  }
  return spans;
}

function noOpening(kind: ScheduleKind): RangeError {
  return new RangeError(`the ${kind} calendar does not open within ${HORIZON_DAYS} days`);
}

/** An ISO-8601 string of an instant in the calendar's zone, without zero milliseconds. */
export function formatInstant(calendar: ServiceCalendar, ms: number): string {
  return DateTime.fromMillis(ms, { zone: calendar.config.timeZone }).toISO({
    suppressMilliseconds: true,
  })!;
}

/**
 * Start of the next opening of `kind` strictly after `instant`. While open, that is the
 * opening after the current one (Friday 15:45 → Monday 08:00 with the default calendar).
 * @throws RangeError when nothing opens within 800 days (a configuration that never opens).
 */
export function nextOpening(
  calendar: ServiceCalendar,
  instant: Instant,
  kind: ScheduleKind = 'support',
): Date {
  const t = toEpochMs(instant);
  for (const [start] of spansFrom(calendar, kind, t)) {
    if (start > t) return new Date(start);
  }
  throw noOpening(kind);
}

/**
 * The service's status at `instant`: support open 08:00–16:00 on working days, on-call
 * staffed outside working days 08:00–15:30 (default configuration), the number to call,
 * and when that changes next.
 * @throws RangeError for invalid instants, years outside 1900–2200, or a configuration
 * under which nothing changes within 800 days.
 */
export function statusAt(calendar: ServiceCalendar, instant: Instant): ServiceStatus {
  const t = toEpochMs(instant);
  const support = firstSpans(calendar, 'support', t, 2);
  const onCall = firstSpans(calendar, 'onCall', t, 1)[0];
  const supportNow = support[0];
  const supportOpen = supportNow !== undefined && supportNow[0] <= t;
  const onCallStaffed = onCall !== undefined && onCall[0] <= t;

  const supportChange = supportNow ? (supportOpen ? supportNow[1] : supportNow[0]) : Infinity;
  // No span ahead means that schedule stays closed for the whole horizon: no change from it.
  const onCallChange = onCall ? (onCallStaffed ? onCall[1] : onCall[0]) : Infinity;
  const changeAt = Math.min(supportChange, onCallChange);
  if (!Number.isFinite(changeAt)) throw noOpening('roundTheClock');

  const opening = supportOpen ? support[1]?.[0] : supportNow?.[0];
  if (opening === undefined) throw noOpening('support');

  const { phoneNumbers } = calendar.config;
  const status: ServiceStatus = {
    at: formatInstant(calendar, t),
    supportOpen,
    onCallStaffed,
    callNumber: supportOpen ? phoneNumbers.support : onCallStaffed ? phoneNumbers.onCall : null,
    callFor: supportOpen ? 'all' : onCallStaffed ? 'critical' : 'none',
    nextChange: {
      at: formatInstant(calendar, changeAt),
      supportOpen: supportChange === changeAt ? !supportOpen : supportOpen,
      onCallStaffed: onCallChange === changeAt ? !onCallStaffed : onCallStaffed,
    },
    nextSupportOpening: formatInstant(calendar, opening),
  };
  if (supportOpen) status.supportClosesAt = formatInstant(calendar, supportNow![1]);
  return status;
}
