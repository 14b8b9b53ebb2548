import type { ServiceCalendar } from '../calendar/index';
import type { CaseRecord } from '../case/case-record';
import { slaState } from './sla-clock';
import type { SlaState } from './sla-state';
import type { SlaConfig } from './sla-targets';

/**
 * SLA state of a case at `now`, from the SLA facts its events left on the record
 * (`slaTimeline`, appended by the reducer). Exact for every case, board or report alike.
 * Null for a record without a `created` fact (never the case for a record the reducer made).
 *
 * A fact later than `now` has still happened: views read the SLA on the minute (the clock
 * floored) and a client's clock may lag the server's by seconds. So the state is read at the
 * latest fact then — else a case made this minute had no SLA state (no badge, and sorted as
 * if no clock ran) and a response given this minute still showed as running.
 */
export function slaStateOfCase(
  record: Pick<CaseRecord, 'slaTimeline'>,
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): SlaState | null {
  if (record.slaTimeline[0]?.kind !== 'created') return null;
  const latest = record.slaTimeline.reduce((at, fact) => Math.max(at, fact.at), now);
  return slaState(record.slaTimeline, calendar, config, latest);
}
