/**
 * What a requester is given of their own case: a public projection, made by the server, so
 * no client has to hide anything. The record and its events keep their shapes (the portal
 * reads them with the same schemas), but the service's internal side is taken out:
 *
 * - people: every staff id becomes `support` ("user support"); the requester's own id stays
 *   (so the portal can say "you"); staff devices, mutation ids and client clocks are dropped;
 * - working notes: escalation reasons and "what was tried", priority notes and answers, status
 *   notes other than the resolution and the reopening (which are written for the requester);
 * - links to other cases and the SLA timeline; link events are left out entirely, as are
 *   internal comments and the worklog.
 *
 * Type, status, line, time and who ("you" or "user support") stay.
 */
import type { CaseEvent } from '../case/case-event';
import type { CaseRecord } from '../case/case-record';
import type { FieldConflict, MutationResult } from '../sync/sync-protocol';

/** The name every staff member goes by in a requester's view. */
export const supportActorId = 'support';

/** An escalation's reason is required by its schema; the requester sees this in its place. */
export const hiddenReason = '–';

const who = (id: string, requesterId: string) => (id === requesterId ? id : supportActorId);

export function requesterCaseView(record: CaseRecord, requesterId: string): CaseRecord {
  return {
    ...record,
    assigneeId: record.assigneeId === null ? null : supportActorId,
    createdBy: who(record.createdBy, requesterId),
    linkedCaseIds: [],
    slaTimeline: [],
    // Who else follows the case is staff's business; only the requester's own following stays.
    ...(record.followerIds
      ? { followerIds: record.followerIds.filter((id) => id === requesterId) }
      : {}),
  };
}

/** The event as the requester sees it, or null when it is not theirs to see. */
export function requesterEventView(event: CaseEvent, requesterId: string): CaseEvent | null {
  const own = event.actorId === requesterId;
  const { claimedClientAt: _claimed, ...plain } = event;
  const base: CaseEvent = own
    ? event
    : { ...plain, actorId: supportActorId, deviceId: '', mutationId: null, clientAt: event.at };
  const change = event.change;
  switch (change.type) {
    case 'worklogAdded':
    case 'linked':
    case 'majorIncidentSet':
      return null;
    // Their case joined a known fault ("I am affected too"), or they follow it: theirs alone.
    case 'affectedSet':
    case 'followersChanged':
      return own ? base : null;
    case 'commented':
      return change.visibility === 'requester' ? base : null;
    case 'statusChanged':
      return change.status === 'resolved' || change.status === 'reopened' || own
        ? base
        : { ...base, change: { ...change, note: '' } };
    case 'prioritySet':
      return own ? base : { ...base, change: { ...change, note: '', answers: null } };
    case 'escalated':
      return { ...base, change: { ...change, reason: hiddenReason, tried: '' } };
    case 'assigned':
      return {
        ...base,
        change: { ...change, assigneeId: change.assigneeId === null ? null : supportActorId },
      };
    case 'created':
    case 'fieldsChanged':
    case 'merged':
    case 'acknowledged':
    case 'attachmentAdded':
      return base;
    default:
      // A kind of change this projection does not know yet stays internal until it is
      // decided here what a requester may see of it.
      return null;
  }
}

export function requesterEventsView(
  events: readonly CaseEvent[],
  requesterId: string,
): CaseEvent[] {
  return events.flatMap((e) => requesterEventView(e, requesterId) ?? []);
}

/** A push result's conflicts name who set the server's value: staff become `support`. */
export function requesterResultView(result: MutationResult, requesterId: string): MutationResult {
  if (result.conflicts.length === 0) return result;
  const conflicts: FieldConflict[] = result.conflicts.map((c) => ({
    ...c,
    serverChangedBy: c.serverChangedBy === null ? null : who(c.serverChangedBy, requesterId),
  }));
  return { ...result, conflicts };
}
