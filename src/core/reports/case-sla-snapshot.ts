import type { ServiceCalendar } from '../calendar/index';
import type { CaseRecord } from '../case/case-record';
import { isOpenStatus } from '../case/case-vocabulary';
import { slaStateOfCase } from '../sla/case-sla';
import type { SlaState } from '../sla/sla-state';
import type { SlaConfig } from '../sla/sla-targets';
import { type SlaClockName, type SlaUrgency, slaUrgency } from '../sla/sla-urgency';

/** What the reports read of a case record (a local case with extra fields fits too). */
export type ReportCase = Pick<
  CaseRecord,
  | 'id'
  | 'number'
  | 'title'
  | 'status'
  | 'waitingReason'
  | 'priority'
  | 'line'
  | 'assigneeId'
  | 'createdAt'
  | 'slaTimeline'
>;

/** Which of a case's two SLA clocks. */
export type SlaClockKind = SlaClockName;

/** A case with its SLA state at `now`, computed once and shared by every figure. */
export interface CaseSla<C extends ReportCase = ReportCase> {
  record: C;
  /** Null when the record has no `created` fact at or before `now` (never for reduced records). */
  sla: SlaState | null;
  open: boolean;
  /**
   * The clock with the nearest deadline among those still counting or breached (paused
   * clocks and met ones are not urgent); null when none is. This is what "time left" means.
   */
  urgent: SlaUrgency['urgent'];
  /** Where the case stands in the SLA order (see core/sla/sla-urgency.ts). */
  urgency: SlaUrgency;
}

/**
 * SLA state of every case at `now`, through the core SLA clock over each record's
 * `slaTimeline`. The expensive step of the board: done once per data change (or minute),
 * never per second.
 */
export function snapshotCases<C extends ReportCase>(
  records: readonly C[],
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): CaseSla<C>[] {
  const result: CaseSla<C>[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    let sla: SlaState | null = null;
    try {
      sla = slaStateOfCase(record, calendar, config, now);
    } catch {
      sla = null; // created after `now` (a clock ahead of ours): not part of this instant
    }
    const open = isOpenStatus(record.status);
    const urgency = slaUrgency(open ? sla : null);
    result[i] = { record, sla, open, urgent: urgency.urgent, urgency };
  }
  return result;
}
