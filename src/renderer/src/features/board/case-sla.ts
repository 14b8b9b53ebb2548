import type { ServiceCalendar } from '../../../../core/calendar/index';
import type { CaseEvent, CaseRecord } from '../../../../core/case/index';
import {
  type SlaConfig,
  type SlaState,
  type SlaTimelineEntry,
  slaState,
} from '../../../../core/sla/index';

/**
 * SLA timelines for the renderer. The board has only case records (not 10,000 histories), so
 * it reconstructs the timeline from the record's own timestamps: exact for cases whose
 * priority never changed, and close otherwise. The case view passes the real events.
 */
export function timelineFromRecord(record: CaseRecord): SlaTimelineEntry[] {
  const entries: SlaTimelineEntry[] = [
    { at: Date.parse(record.createdAt), kind: 'created', priority: record.priority },
  ];
  if (record.firstResponseAt)
    entries.push({ at: Date.parse(record.firstResponseAt), kind: 'responded' });
  if (record.status === 'waiting')
    entries.push({ at: Date.parse(record.updatedAt), kind: 'paused' });
  if (record.resolvedAt && (record.status === 'resolved' || record.status === 'closed')) {
    entries.push({ at: Date.parse(record.resolvedAt), kind: 'resolved' });
  }
  return entries;
}

/** The exact SLA timeline from a case's recorded events (the audit trail). */
export function timelineFromEvents(events: readonly CaseEvent[]): SlaTimelineEntry[] {
  const entries: SlaTimelineEntry[] = [];
  let waiting = false;
  let responded = false;
  for (const event of events) {
    const at = Date.parse(event.at);
    const c = event.change;
    switch (c.type) {
      case 'created':
        entries.push({ at, kind: 'created', priority: c.priority });
        break;
      case 'prioritySet':
        entries.push({ at, kind: 'priorityChanged', priority: c.priority });
        break;
      case 'statusChanged':
        if (c.status === 'waiting' && !waiting) entries.push({ at, kind: 'paused' });
        if (c.status !== 'waiting' && waiting) entries.push({ at, kind: 'resumed' });
        waiting = c.status === 'waiting';
        if (c.status === 'resolved' || c.status === 'closed')
          entries.push({ at, kind: 'resolved' });
        if (c.status === 'reopened') entries.push({ at, kind: 'reopened' });
        break;
      case 'merged':
        entries.push({ at, kind: 'resolved' });
        break;
      default:
        break;
    }
    if (!responded && isResponseChange(c)) {
      responded = true;
      entries.push({ at, kind: 'responded' });
    }
  }
  return entries;
}

function isResponseChange(c: CaseEvent['change']): boolean {
  return (
    c.type === 'acknowledged' ||
    c.type === 'escalated' ||
    (c.type === 'commented' && c.visibility === 'requester') ||
    (c.type === 'statusChanged' && c.status !== 'new')
  );
}

/** SLA state of a record at `now`, or null when it cannot be computed (created in the future). */
export function slaOfRecord(
  record: CaseRecord,
  calendar: ServiceCalendar,
  config: SlaConfig,
  now: number,
): SlaState | null {
  try {
    return slaState(timelineFromRecord(record), calendar, config, now);
  } catch {
    return null;
  }
}
