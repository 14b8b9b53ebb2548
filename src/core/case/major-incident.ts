/**
 * Major incidents (issue 16): one outage, many reports. A case is marked as the major
 * incident (`majorIncidentSet`); the reports are linked to it as affected (`affectedSet`);
 * one reply goes to every affected requester and solving the major incident solves the
 * affected cases with one note, except those the agent keeps open. These functions plan the
 * changes; they are applied through the ordinary path (each case's rules checked on its
 * own), so they work offline as bulk changes do.
 */
import type { CaseChangeInput } from './case-change';
import type { CaseRecord } from './case-record';
import { isOpenStatus } from './case-vocabulary';

/** One planned change to one case. */
export interface PlannedChange {
  caseId: string;
  change: CaseChangeInput;
}

/** The open cases affected by `major`, among `cases`. */
export function affectedCases(
  major: Pick<CaseRecord, 'id'>,
  cases: Iterable<Pick<CaseRecord, 'id' | 'affectedBy' | 'status'>>,
): string[] {
  const found: string[] = [];
  for (const c of cases) if (c.affectedBy === major.id && c.id !== major.id) found.push(c.id);
  return found;
}

/** One comment to every affected requester (visible to them), each with its own comment id. */
export function replyToAffected(
  affectedIds: readonly string[],
  body: string,
  newId: () => string,
): PlannedChange[] {
  return affectedIds.map((caseId) => ({
    caseId,
    change: { type: 'commented', commentId: newId(), body, visibility: 'requester' },
  }));
}

/**
 * Solving the major incident: the incident itself and every affected case still open, with
 * one note (what was done), except the cases in `keepOpen`.
 */
export function solveMajorIncident(
  major: Pick<CaseRecord, 'id' | 'status'>,
  affected: readonly Pick<CaseRecord, 'id' | 'status'>[],
  note: string,
  keepOpen: ReadonlySet<string> = new Set(),
): PlannedChange[] {
  const resolve = (caseId: string): PlannedChange => ({
    caseId,
    change: { type: 'statusChanged', status: 'resolved', waitingReason: null, note },
  });
  const plan: PlannedChange[] = [];
  if (isOpenStatus(major.status)) plan.push(resolve(major.id));
  for (const c of affected) {
    if (c.id === major.id || keepOpen.has(c.id) || !isOpenStatus(c.status)) continue;
    plan.push(resolve(c.id));
  }
  return plan;
}

/**
 * `@name` mentions in a comment: the usernames written after "@" (letters, digits, ".",
 * "-" and "_"), each once, in order. An e-mail address is not a mention.
 */
export function mentionedUsernames(body: string): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(/(^|[^\p{L}\p{N}._-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu)) {
    const name = match[2]!.replace(/[._-]+$/, '').toLowerCase();
    if (!found.includes(name)) found.push(name);
  }
  return found;
}
