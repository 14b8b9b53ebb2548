import type { Role } from '../rules/actor';
import type { CaseChange } from './case-change';

/**
 * Which acts count as the service's first response to the requester: the moment the response
 * clock of the SLA stops.
 *
 * Only the service responds. A requester's own acts on their case — a comment, a reopened
 * case, a confirmation that it is solved — are the requester speaking, never the desk's
 * answer, so they never stop the response clock (a portal comment seconds after reporting
 * used to show the case as "Innfridd").
 *
 * For staff, the acts that show the requester somebody has taken the case: an explicit
 * acknowledgement, a comment the requester can read, a status moved on from new, an
 * escalation, a merge into another case. Internal notes, worklog entries, edits, priority
 * changes, links, assignments and attachments do not: the requester sees none of them as an
 * answer.
 */
export function countsAsFirstResponse(change: CaseChange, actorRole: Role): boolean {
  if (actorRole === 'requester') return false;
  switch (change.type) {
    case 'acknowledged':
    case 'escalated':
    case 'merged':
      return true;
    case 'commented':
      return change.visibility === 'requester';
    case 'statusChanged':
      return change.status !== 'new';
    case 'created':
    case 'fieldsChanged':
    case 'prioritySet':
    case 'assigned':
    case 'worklogAdded':
    case 'linked':
    case 'attachmentAdded':
    case 'majorIncidentSet':
    case 'affectedSet':
    case 'followersChanged':
      return false;
  }
}

/**
 * The revision of the rules that derive a case's SLA facts (`slaTimeline`, `firstResponseAt`)
 * from its events. Raised whenever those rules change, so that a server recomputes the facts
 * of every stored case from its history and clients fetch the corrected cases again.
 * - 1: the first rules (any comment to the requester counted as a response, whoever wrote it).
 * - 2: only the service's acts count (`countsAsFirstResponse`).
 */
export const slaFactsRevision = 2;
