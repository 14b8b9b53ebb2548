/**
 * The part of a case's history a requester sees. The server already leaves out internal
 * comments and the worklog for requesters; this drops them again (defence in depth) and says
 * "user support" instead of naming staff: the portal deals in lines, not people.
 */
import type { CaseEvent, CaseStatus, Priority, SupportLine } from '@core/case';

export type HistoryEntry = {
  id: string;
  at: string;
  /** The requester themself, or the service. */
  by: 'you' | 'support';
} & (
  | { kind: 'created' }
  /** `note`: what resolved the case, or why it was reopened (empty for other moves). */
  | { kind: 'status'; status: CaseStatus; note: string }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'escalated'; line: SupportLine }
  | { kind: 'assigned' }
  | { kind: 'acknowledged' }
  | { kind: 'fields' }
  | { kind: 'merged' }
  | { kind: 'linked' }
  | { kind: 'comment'; body: string }
  | { kind: 'attachment'; fileName: string }
);

export function publicHistory(events: readonly CaseEvent[], requesterId: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const event of events) {
    const base = {
      id: event.id,
      at: event.at,
      by: event.actorId === requesterId ? ('you' as const) : ('support' as const),
    };
    const change = event.change;
    switch (change.type) {
      case 'created':
        entries.push({ ...base, kind: 'created' });
        break;
      case 'statusChanged':
        entries.push({
          ...base,
          kind: 'status',
          status: change.status,
          // Other status notes are working notes; these two are written for the requester.
          note: change.status === 'resolved' || change.status === 'reopened' ? change.note : '',
        });
        break;
      case 'prioritySet':
        entries.push({ ...base, kind: 'priority', priority: change.priority });
        break;
      case 'escalated':
        entries.push({ ...base, kind: 'escalated', line: change.toLine });
        break;
      case 'assigned':
        if (change.assigneeId !== null) entries.push({ ...base, kind: 'assigned' });
        break;
      case 'acknowledged':
        entries.push({ ...base, kind: 'acknowledged' });
        break;
      case 'fieldsChanged':
        entries.push({ ...base, kind: 'fields' });
        break;
      case 'merged':
        entries.push({ ...base, kind: 'merged' });
        break;
      case 'linked':
        entries.push({ ...base, kind: 'linked' });
        break;
      case 'commented':
        if (change.visibility === 'requester') {
          entries.push({ ...base, kind: 'comment', body: change.body });
        }
        break;
      case 'attachmentAdded':
        entries.push({ ...base, kind: 'attachment', fileName: change.fileName });
        break;
      case 'worklogAdded':
      case 'majorIncidentSet':
      case 'affectedSet':
      case 'followersChanged':
        break;
    }
  }
  return entries;
}
