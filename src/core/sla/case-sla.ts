import type { ServiceCalendar } from '../calendar/index';
import type { CaseRecord } from '../case/case-record';
import { slaState } from './sla-clock';
import type { SlaState } from './sla-state';
import type { SlaConfig } from './sla-targets';

/**
 * SLA state of a case at `now`, from the SLA facts its events left on the record
 * (`slaTimeline`, appended by the reducer). Exact for every case, board or report alike.
 * Null for a record without a `created` fact (never the case for a record the reducer made).
 */
export function slaStateOfCase(
  record: Pick<CaseRecord, 'slaTimeline'>,
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): SlaState | null {
  if (record.slaTimeline[0]?.kind !== 'created') return null;
  return slaState(record.slaTimeline, calendar, config, now);
}
