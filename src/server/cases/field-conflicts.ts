/**
 * The per-field conflict decision of the write path: which fields of a mutation lose to
 * changes made on the server after the client's base version, and what the client is told.
 */
import type { Transaction } from 'kysely';
import {
  type CaseChange,
  type CaseRecord,
  type ConflictField,
  conflictingFields,
} from '../../core/case';
import type { FieldConflict, Mutation } from '../../core/sync';
import type { Database } from '../db/schema';

/** The client's value for a conflict field, as the change would have set it. */
function valueWritten(change: CaseChange, field: ConflictField): unknown {
  switch (change.type) {
    case 'fieldsChanged':
      return (change.changes as Record<string, unknown>)[field];
    case 'prioritySet':
      return change.priority;
    case 'statusChanged':
      return change.status;
    case 'merged':
      return 'closed';
    case 'assigned':
      return change.assigneeId;
    case 'escalated':
      return field === 'line' ? change.toLine : null;
    default:
      return undefined;
  }
}

/**
 * The change that survives the per-field decision, or null when every field it writes lost.
 * Only `fieldsChanged` is split field by field; other changes are one decision (an
 * escalation that moved line but kept a stale assignee would break the assignment rule).
 */
export function survivingChange(change: CaseChange, lost: ConflictField[]): CaseChange | null {
  if (lost.length === 0) return change;
  if (change.type !== 'fieldsChanged') return null;
  const kept = Object.fromEntries(
    Object.entries(change.changes).filter(([field]) => !lost.includes(field as ConflictField)),
  );
  return Object.keys(kept).length > 0 ? { ...change, changes: kept } : null;
}

/** Who last wrote each conflict field, from the events at the case's field versions. */
async function fieldWriters(
  trx: Transaction<Database>,
  current: CaseRecord,
  fields: ConflictField[],
): Promise<Map<ConflictField, { actorId: string; deviceId: string; at: string }>> {
  const seqs = fields.map((f) => current.fieldVersions[f] ?? 0).filter((s) => s > 0);
  const rows = seqs.length
    ? await trx
        .selectFrom('case_events')
        .select(['seq', 'actor_id', 'device_id', 'at'])
        .where('seq', 'in', seqs)
        .execute()
    : [];
  const writers = new Map<ConflictField, { actorId: string; deviceId: string; at: string }>();
  for (const field of fields) {
    const row = rows.find((r) => Number(r.seq) === current.fieldVersions[field]);
    if (row) writers.set(field, { actorId: row.actor_id, deviceId: row.device_id, at: row.at });
  }
  return writers;
}

/**
 * The fields this mutation loses: those changed on the server after the client's base
 * version by someone else. A device's own earlier edits are never a conflict: its outbox is
 * pushed in order, so they are always in the past of its later edits (two offline edits of
 * one field are a change of mind, not a conflict).
 */
export async function lostFields(
  trx: Transaction<Database>,
  current: CaseRecord,
  mutation: Mutation,
  actorId: string,
  deviceId: string,
): Promise<{ lost: ConflictField[]; conflicts: FieldConflict[] }> {
  const candidates = conflictingFields(current, mutation.change, mutation.baseVersion);
  if (candidates.length === 0) return { lost: [], conflicts: [] };
  const writers = await fieldWriters(trx, current, candidates);
  const lost = candidates.filter((field) => {
    const writer = writers.get(field);
    return !(writer && writer.deviceId === deviceId && writer.actorId === actorId);
  });
  const conflicts = lost.map((field) => ({
    field,
    yourValue: valueWritten(mutation.change, field),
    serverValue: current[field],
    serverChangedBy: writers.get(field)?.actorId ?? null,
    serverChangedAt: writers.get(field)?.at ?? null,
  }));
  return { lost, conflicts };
}
