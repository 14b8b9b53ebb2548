import type { CaseChange } from '../case/case-change';
import type { CaseRecord, ConflictField } from '../case/case-record';
import { conflictingFields } from '../case/case-reducer';
import type { FieldConflict, Mutation } from './sync-protocol';

/**
 * The per-field conflict decision of the write path: which fields of a mutation lose to
 * changes made on the server after the client's base version, what the client is told about
 * each, and which change is recorded. The server decides with it; so does any test double.
 */

/** Who wrote a field's current value on the server: the event at the field's version. */
export interface FieldWriter {
  actorId: string;
  deviceId: string;
  /** Server time of that event. */
  at: string;
}

/** Who pushes the mutation being decided. */
export interface MutationAuthor {
  actorId: string;
  deviceId: string;
}

export interface FieldConflictDecision {
  /** The fields whose server value is kept. */
  lost: ConflictField[];
  /** What the client is told for each lost field (its value is handed back). */
  conflicts: FieldConflict[];
  /** The change to record; null when every field it writes lost (nothing is recorded). */
  change: CaseChange | null;
}

/**
 * The fields whose writers the decision needs: written by the mutation and changed on the
 * server after its base version. The caller looks up who wrote them (`FieldWriter`).
 */
export function fieldsAtStake(current: CaseRecord | null, mutation: Mutation): ConflictField[] {
  return current ? conflictingFields(current, mutation.change, mutation.baseVersion) : [];
}

/** The client's value for a conflict field, as the change would have set it. */
export function valueWritten(change: CaseChange, field: ConflictField): unknown {
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
export function survivingChange(
  change: CaseChange,
  lost: readonly ConflictField[],
): CaseChange | null {
  if (lost.length === 0) return change;
  if (change.type !== 'fieldsChanged') return null;
  const kept = Object.fromEntries(
    Object.entries(change.changes).filter(([field]) => !lost.includes(field as ConflictField)),
  );
  return Object.keys(kept).length > 0 ? { ...change, changes: kept } : null;
}

/**
 * Decides a mutation against the server's current record (null: the case does not exist yet,
 * so nothing can conflict). A field at stake is lost unless its current value was written by
 * the same device and actor: a device's outbox is pushed in order, so its own earlier edits
 * are always in the past of its later ones (two offline edits of one field are a change of
 * mind, not a conflict). `writers` holds who wrote each field at stake (`fieldsAtStake`); a
 * field whose writer is unknown is lost.
 */
export function decideFieldConflicts(
  current: CaseRecord | null,
  mutation: Mutation,
  author: MutationAuthor,
  writers: ReadonlyMap<ConflictField, FieldWriter>,
): FieldConflictDecision {
  const candidates = fieldsAtStake(current, mutation);
  if (!current || candidates.length === 0) {
    return { lost: [], conflicts: [], change: mutation.change };
  }
  const lost = candidates.filter((field) => {
    const writer = writers.get(field);
    return !(writer && writer.deviceId === author.deviceId && writer.actorId === author.actorId);
  });
  const conflicts = lost.map((field) => ({
    field,
    yourValue: valueWritten(mutation.change, field),
    serverValue: current[field],
    serverChangedBy: writers.get(field)?.actorId ?? null,
    serverChangedAt: writers.get(field)?.at ?? null,
  }));
  return { lost, conflicts, change: survivingChange(mutation.change, lost) };
}
