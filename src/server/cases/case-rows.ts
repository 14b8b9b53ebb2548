/** Converting cases and events between their core shapes and table rows. */
import type { CaseEvent, CaseRecord } from '@core/case';
import type { CaseEventRow, CaseRow } from '../db/schema';

export function caseRow(record: CaseRecord): CaseRow {
  return {
    id: record.id,
    number: record.number ?? '',
    line: record.line,
    status: record.status,
    priority: record.priority,
    municipality_id: record.requester.municipalityId,
    assignee_id: record.assigneeId,
    requester_user_id: record.requester.userId,
    created_by: record.createdBy,
    version: record.version,
    updated_at: record.updatedAt,
    search_text: [
      record.number,
      record.title,
      record.description,
      record.requester.name,
      record.requester.unit,
    ]
      .join('\n')
      .toLowerCase(),
    record: JSON.stringify(record),
  };
}

export function recordOf(row: Pick<CaseRow, 'record'>): CaseRecord {
  return JSON.parse(row.record) as CaseRecord;
}

export function eventRow(event: CaseEvent): CaseEventRow {
  return {
    seq: event.seq,
    id: event.id,
    case_id: event.caseId,
    at: event.at,
    client_at: event.clientAt,
    actor_id: event.actorId,
    device_id: event.deviceId,
    mutation_id: event.mutationId,
    change_type: event.change.type,
    change: JSON.stringify(event.change),
    claimed_client_at: event.claimedClientAt ?? null,
  };
}

export function eventOf(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    seq: Number(row.seq),
    at: row.at,
    clientAt: row.client_at,
    actorId: row.actor_id,
    deviceId: row.device_id,
    mutationId: row.mutation_id,
    change: JSON.parse(row.change) as CaseEvent['change'],
    ...(row.claimed_client_at ? { claimedClientAt: row.claimed_client_at } : {}),
  };
}
