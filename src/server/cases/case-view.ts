/**
 * What the server sends of cases: staff get the whole record and history; a requester gets
 * core's public projection (`requesterCaseView`, `requesterEventView`), made here, on the
 * server, for every answer that carries a case or an event — GET /cases and /cases/{id},
 * create and change answers, pull pages, push results, attachment lists.
 */
import type { CaseEvent, CaseRecord } from '@core/case';
import {
  type Actor,
  requesterCaseView,
  requesterEventsView,
  requesterEventView,
  requesterResultView,
  supportActorId,
} from '@core/rules';
import type { MutationResult } from '@core/sync';

export function caseFor(actor: Actor, record: CaseRecord): CaseRecord {
  return actor.role === 'requester' ? requesterCaseView(record, actor.id) : record;
}

export function casesFor(actor: Actor, records: CaseRecord[]): CaseRecord[] {
  return actor.role === 'requester' ? records.map((r) => requesterCaseView(r, actor.id)) : records;
}

export function eventsFor(actor: Actor, events: CaseEvent[]): CaseEvent[] {
  return actor.role === 'requester' ? requesterEventsView(events, actor.id) : events;
}

/** One event (an answer to a create): the requester's own events always stay visible. */
export function eventFor(actor: Actor, event: CaseEvent): CaseEvent {
  return actor.role === 'requester' ? (requesterEventView(event, actor.id) ?? event) : event;
}

export function resultFor(actor: Actor, result: MutationResult): MutationResult {
  return actor.role === 'requester' ? requesterResultView(result, actor.id) : result;
}

/** Who uploaded a file, as the actor may see it. */
export function uploaderFor(actor: Actor, uploadedBy: string): string {
  return actor.role === 'requester' && uploadedBy !== actor.id ? supportActorId : uploadedBy;
}
