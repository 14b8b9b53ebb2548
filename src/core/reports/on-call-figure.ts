import type { ServiceCalendar } from '../calendar/index';
import type { Priority, SupportLine } from '../case/case-vocabulary';
import type { SlaStatus } from '../sla/sla-state';
import type { CaseSla } from './case-sla-snapshot';

const DAY_MS = 86_400_000;
/** How far back an on-call period is looked for (a long Easter is 5 days). */
const LOOKBACK_DAYS = 21;

/** One stretch of staffed on-call, merged across midnights (Friday 15:30 – Monday 08:00). */
export interface OnCallPeriod {
  start: number;
  end: number;
  /** On-call is staffed at `now`: the period has not ended yet. */
  ongoing: boolean;
}

/**
 * The most recent on-call period that has begun at `now`, from the calendar's on-call
 * schedule: the current one while on-call is staffed, otherwise the last one that ended.
 * Adjacent day pieces (15:30–24:00, 00:00–08:00) are one period. Null when on-call was not
 * staffed in the last three weeks (only possible with a changed configuration).
 */
export function lastOnCallPeriod(calendar: ServiceCalendar, now: number): OnCallPeriod | null {
  const today = calendar.dayPlanAt(now).dayNumber;
  const spans: Array<[number, number]> = [];
  // Two days ahead, so a period running at `now` is followed to its end.
  for (let d = today - LOOKBACK_DAYS; d <= today + 2; d++) {
    const list = calendar.dayPlan(d).intervals.onCall;
    for (let i = 0; i < list.length; i += 2) {
      const start = list[i]!;
      const end = list[i + 1]!;
      const last = spans[spans.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else spans.push([start, end]);
    }
  }
  for (let i = spans.length - 1; i >= 0; i--) {
    const [start, end] = spans[i]!;
    if (start > now) continue;
    // A period that began before the look-back window is cut there; that is far enough back.
    return { start: Math.max(start, now - LOOKBACK_DAYS * DAY_MS), end, ongoing: end > now };
  }
  return null;
}

/** A case that became critical during the on-call period, and how fast it was answered. */
export interface OnCallCaseRow {
  caseId: string;
  number: string | null;
  title: string;
  line: SupportLine;
  /** Priority at `now` (it may have been lowered since). */
  priority: Priority;
  assigneeId: string | null;
  /** When it was registered as, or raised to, critical (epoch ms). */
  criticalAt: number;
  /** The first response (or resolution) at or after it became critical; null if none yet. */
  answeredAt: number | null;
  /** Wall-clock minutes from critical to answered; null while unanswered. */
  answerMinutes: number | null;
  /** The response clock at `now`: met, breachedMet, running, atRisk, breached or paused. */
  responseStatus: SlaStatus | null;
}

/** The critical cases of the last on-call period. */
export interface OnCallFigure {
  period: OnCallPeriod | null;
  total: number;
  answered: number;
  /** Answered within the response target. */
  withinTarget: number;
  medianAnswerMinutes: number | null;
  maxAnswerMinutes: number | null;
  rows: OnCallCaseRow[];
}

function becameCritical(c: CaseSla, from: number, to: number): number | null {
  let critical = false;
  for (const fact of c.record.slaTimeline) {
    if (fact.kind !== 'created' && fact.kind !== 'priorityChanged') continue;
    const nowCritical = fact.priority === 'critical';
    if (nowCritical && !critical && fact.at >= from && fact.at < to) return fact.at;
    critical = nowCritical;
  }
  return null;
}

function firstAnswer(c: CaseSla, after: number): number | null {
  let best: number | null = null;
  for (const fact of c.record.slaTimeline) {
    if (fact.kind !== 'responded' && fact.kind !== 'resolved') continue;
    if (best === null || fact.at < best) best = fact.at;
  }
  // Answered before it became critical (raised later): it was answered at once.
  return best === null ? null : Math.max(best, after);
}

export function onCallFigure(
  cases: readonly CaseSla[],
  calendar: ServiceCalendar,
  now: number,
): OnCallFigure {
  const period = lastOnCallPeriod(calendar, now);
  const rows: OnCallCaseRow[] = [];
  if (period) {
    const to = Math.min(period.end, now + 1);
    for (const c of cases) {
      const criticalAt = becameCritical(c, period.start, to);
      if (criticalAt === null) continue;
      let answeredAt = firstAnswer(c, criticalAt);
      if (answeredAt !== null && answeredAt > now) answeredAt = null;
      const r = c.record;
      rows.push({
        caseId: r.id,
        number: r.number,
        title: r.title,
        line: r.line,
        priority: r.priority,
        assigneeId: r.assigneeId,
        criticalAt,
        answeredAt,
        answerMinutes: answeredAt === null ? null : (answeredAt - criticalAt) / 60_000,
        responseStatus: c.sla?.response.status ?? null,
      });
    }
  }
  rows.sort((a, b) => a.criticalAt - b.criticalAt || a.caseId.localeCompare(b.caseId));
  const answered = rows.flatMap((r) => (r.answerMinutes === null ? [] : [r.answerMinutes]));
  answered.sort((a, b) => a - b);
  const mid = answered.length >> 1;
  const median =
    answered.length === 0
      ? null
      : answered.length % 2
        ? answered[mid]!
        : (answered[mid - 1]! + answered[mid]!) / 2;
  return {
    period,
    total: rows.length,
    answered: answered.length,
    withinTarget: rows.filter((r) => r.responseStatus === 'met').length,
    medianAnswerMinutes: median,
    maxAnswerMinutes: answered.length ? answered[answered.length - 1]! : null,
    rows,
  };
}
