import type { ServiceCalendar } from '@core/calendar/index';
import type { CaseRecord } from '@core/case/index';
import { type SlaConfig, type SlaState, slaStateOfCase } from '@core/sla/index';

/**
 * SLA state of a record at `now`, from the SLA facts its history left on the record (exact:
 * pauses and priority changes included), or null when it cannot be computed.
 */
export function slaOfRecord(
  record: CaseRecord,
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): SlaState | null {
  try {
    return slaStateOfCase(record, calendar, config, now);
  } catch {
    return null;
  }
}
