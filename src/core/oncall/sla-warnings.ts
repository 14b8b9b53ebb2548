/**
 * When a case's SLA clocks warn, and whom. At the at-risk threshold and at breach of the
 * response and the resolution clock, the assignee (or the case's line, when nobody is
 * assigned) and the team leaders are told. A paused clock warns nobody (its instants are not
 * known until it runs again), nor a met one. Instants are on the calendar of the case's
 * priority in force, so a target or calendar change moves them: the scheduler recomputes.
 */
import { addOpenMs } from '../calendar/open-time';
import type { ServiceCalendar } from '../calendar/service-calendar';
import type { CaseRecord } from '../case/case-record';
import { isOpenStatus } from '../case/case-vocabulary';
import { slaStateOfCase } from '../sla/case-sla';
import type { SlaConfig } from '../sla/sla-targets';

export type SlaWarningLevel = 'atRisk' | 'breached';
export type SlaWarningClock = 'response' | 'resolution';

export interface SlaWarningTime {
  clock: SlaWarningClock;
  level: SlaWarningLevel;
  /** Epoch ms at which the warning is due (never before `now`). */
  at: number;
}

const MINUTE_MS = 60_000;

/**
 * The warnings still to come for a case at `now`: instants later than or equal to `now`.
 * A level already passed is not returned (it was due earlier, and was scheduled then).
 */
export function slaWarningTimes(
  record: Pick<CaseRecord, 'slaTimeline' | 'status'>,
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): SlaWarningTime[] {
  if (!isOpenStatus(record.status)) return [];
  const state = slaStateOfCase(record, calendar, config, now);
  if (!state) return [];
  const kind = config.targets[state.priority].calendar;
  const times: SlaWarningTime[] = [];
  for (const clock of ['response', 'resolution'] as const) {
    const c = state[clock];
    if (c.status !== 'running' && c.status !== 'atRisk') continue;
    const riskMinutes = c.targetMinutes * config.atRiskThreshold;
    if (c.status === 'running' && c.usedMinutes < riskMinutes) {
      const at = addOpenMs(calendar, kind, now, (riskMinutes - c.usedMinutes) * MINUTE_MS);
      times.push({ clock, level: 'atRisk', at });
    }
    if (c.dueAt !== null && c.dueAt >= now) times.push({ clock, level: 'breached', at: c.dueAt });
  }
  return times;
}

/** Who is told: the assignee, or the case's line when nobody is assigned, and team leaders. */
export type SlaWarningRecipient =
  | { kind: 'person'; userId: string }
  | { kind: 'line'; line: 1 | 2 | 3 };

export function slaWarningRecipients(
  record: Pick<CaseRecord, 'assigneeId' | 'line'>,
  teamLeaderIds: readonly string[],
): SlaWarningRecipient[] {
  const first: SlaWarningRecipient = record.assigneeId
    ? { kind: 'person', userId: record.assigneeId }
    : { kind: 'line', line: record.line };
  const rest = teamLeaderIds
    .filter((id) => id !== record.assigneeId)
    .map((userId): SlaWarningRecipient => ({ kind: 'person', userId }));
  return [first, ...rest];
}

/**
 * Whether a warning due now is still true: the clock has not been met or paused since it
 * was scheduled (a fired timer checks this, so a stale row never warns wrongly).
 */
export function slaWarningStillDue(
  record: Pick<CaseRecord, 'slaTimeline' | 'status'>,
  calendar: ServiceCalendar,
  config: SlaConfig,
  warning: Pick<SlaWarningTime, 'clock' | 'level'>,
  now: number,
): boolean {
  if (!isOpenStatus(record.status)) return false;
  const state = slaStateOfCase(record, calendar, config, now);
  if (!state) return false;
  const status = state[warning.clock].status;
  return warning.level === 'breached' ? status === 'breached' : status === 'atRisk';
}
