import type { Role } from '../rules/actor';
import type { CaseChange } from './case-change';
import type { CaseRecord, ConflictField } from './case-record';
import { slaFactsOf } from './case-sla-facts';
import { countsAsFirstResponse } from './first-response';

/** Facts about one applied change that the change itself does not carry. */
export interface ChangeMeta {
  caseId: string;
  /** When it happened (ISO). */
  at: string;
  actorId: string;
  /**
   * The actor's role when they acted: only the service's acts count as its first response
   * (`countsAsFirstResponse`).
   */
  actorRole: Role;
  /** Server sequence of the change; 0 for a client's optimistic, not yet synced, change. */
  seq: number;
}

/** Which conflict fields a change writes. Append-only changes write none. */
export function fieldsWrittenBy(change: CaseChange): ConflictField[] {
  switch (change.type) {
    case 'created':
      return [];
    case 'fieldsChanged':
      return Object.keys(change.changes) as ConflictField[];
    case 'prioritySet':
      return ['priority'];
    case 'statusChanged':
    case 'merged':
      return ['status'];
    case 'assigned':
      return ['assigneeId'];
    case 'escalated':
      return ['line', 'assigneeId'];
    case 'commented':
    case 'worklogAdded':
    case 'linked':
    case 'acknowledged':
    case 'attachmentAdded':
    case 'majorIncidentSet':
    case 'affectedSet':
    case 'followersChanged':
      return [];
  }
}

/**
 * The fields of `change` that somebody else changed on the server after `baseVersion`
 * (the case version the client saw). The server keeps its value for these.
 */
export function conflictingFields(
  current: CaseRecord,
  change: CaseChange,
  baseVersion: number,
): ConflictField[] {
  return fieldsWrittenBy(change).filter(
    (field) => (current.fieldVersions[field] ?? 0) > baseVersion,
  );
}

/**
 * Folds one change into a case. Pure; both the server (authoritative) and clients
 * (optimistic, seq 0) use it, so both compute the same case from the same events.
 * Rules (who may do what) are checked before, by the case rules; this only applies.
 */
export function applyChange(
  current: CaseRecord | null,
  change: CaseChange,
  meta: ChangeMeta,
): CaseRecord {
  if (change.type === 'created') {
    if (current) return current;
    return {
      id: meta.caseId,
      number: null,
      title: change.title,
      description: change.description,
      status: 'new',
      waitingReason: null,
      priority: change.priority,
      priorityAnswers: change.priorityAnswers,
      line: 1,
      channel: change.channel,
      requester: change.requester,
      categoryId: change.categoryId,
      formValues: change.formValues,
      assigneeId: null,
      linkedCaseIds: [],
      mergedIntoId: null,
      createdAt: meta.at,
      createdBy: meta.actorId,
      updatedAt: meta.at,
      firstResponseAt: null,
      resolvedAt: null,
      version: meta.seq,
      fieldVersions: {},
      slaTimeline: slaFactsOf(null, change, false, Date.parse(meta.at)),
    };
  }
  if (!current) throw new Error(`case ${meta.caseId} does not exist; it must be created first`);

  const next: CaseRecord = {
    ...current,
    updatedAt: meta.at,
    version: Math.max(current.version, meta.seq),
  };
  for (const field of fieldsWrittenBy(change)) {
    next.fieldVersions = { ...next.fieldVersions, [field]: meta.seq };
  }
  const responded = countsAsFirstResponse(change, meta.actorRole);
  const facts = slaFactsOf(
    {
      status: current.status,
      priority: current.priority,
      responded: current.firstResponseAt !== null,
    },
    change,
    responded,
    Date.parse(meta.at),
  );
  if (facts.length > 0) next.slaTimeline = [...current.slaTimeline, ...facts];
  if (responded && next.firstResponseAt === null) next.firstResponseAt = meta.at;

  switch (change.type) {
    case 'fieldsChanged': {
      const { requester, ...rest } = change.changes;
      Object.assign(next, rest);
      if (requester) {
        next.requester = {
          ...requester,
          userId: requester.userId === undefined ? current.requester.userId : requester.userId,
        };
      }
      break;
    }
    case 'prioritySet':
      next.priority = change.priority;
      if (change.answers) next.priorityAnswers = change.answers;
      break;
    case 'statusChanged':
      next.status = change.status;
      next.waitingReason = change.waitingReason;
      if (change.status === 'resolved') next.resolvedAt = meta.at;
      if (change.status === 'reopened') next.resolvedAt = null;
      break;
    case 'assigned':
      next.assigneeId = change.assigneeId;
      break;
    case 'escalated':
      next.line = change.toLine;
      next.assigneeId = null;
      break;
    case 'linked':
      if (!next.linkedCaseIds.includes(change.otherCaseId)) {
        next.linkedCaseIds = [...next.linkedCaseIds, change.otherCaseId];
      }
      break;
    case 'merged':
      next.mergedIntoId = change.intoCaseId;
      next.status = 'closed';
      next.waitingReason = null;
      break;
    case 'majorIncidentSet':
      next.majorIncident = change.major;
      break;
    case 'affectedSet':
      next.affectedBy = change.majorIncidentId;
      if (change.majorIncidentId !== null && !next.linkedCaseIds.includes(change.majorIncidentId)) {
        next.linkedCaseIds = [...next.linkedCaseIds, change.majorIncidentId];
      }
      break;
    case 'followersChanged': {
      const followers = (current.followerIds ?? []).filter((id) => id !== change.userId);
      next.followerIds = change.following ? [...followers, change.userId] : followers;
      break;
    }
    case 'commented':
    case 'worklogAdded':
    case 'acknowledged':
    case 'attachmentAdded':
      break;
  }
  return next;
}
