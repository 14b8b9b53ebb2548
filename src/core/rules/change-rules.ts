import type { CaseChange } from '../case/case-change';
import type { CaseRecord } from '../case/case-record';
import { priorities } from '../case/case-vocabulary';
import { checkFormValues } from '../config/category-form';
import { findMunicipality } from '../config/municipality-config';
import { classifyPriority } from '../priority/priority-classifier';
import { type Actor, isStaff, lineOfRole } from './actor';
import { checkAssignment } from './assignment-rules';
import { canReadCase } from './case-access';
import { checkEscalation } from './escalation-rules';
import type { RuleContext } from './rule-context';
import { allowed, type RuleVerdict, refuse } from './rule-verdict';
import { isStatusTransitionAllowed, requesterStatusMoves } from './status-transitions';

type Change<T extends CaseChange['type']> = Extract<CaseChange, { type: T }>;

/** Lower index = more urgent. */
const urgency = (p: (typeof priorities)[number]) => priorities.indexOf(p);

function checkCreate(change: Change<'created'>, actor: Actor, context: RuleContext): RuleVerdict {
  const municipalityId = change.requester.municipalityId;
  if (!findMunicipality(context.municipalities, municipalityId)) {
    return refuse('case.unknownMunicipality', { municipality: municipalityId });
  }
  const category =
    change.categoryId === null
      ? undefined
      : context.categories?.find((c) => c.id === change.categoryId);
  if (context.categories && change.categoryId !== null && !category) {
    return refuse('case.unknownCategory', { category: change.categoryId });
  }
  if (isStaff(actor)) return allowed;
  // The portal form must be complete; on the phone the agent may register what is known.
  const formProblem = category && checkFormValues(category, change.formValues)[0];
  if (formProblem) return refuse('case.formInvalid', { field: formProblem.fieldId });
  if (change.channel !== 'portal') return refuse('requester.portalOnly');
  if (change.requester.userId !== actor.id) return refuse('requester.notOwnCase');
  // "Priorities are definitions, not feelings": an end user may not claim more than the
  // definitions give for their answers (no answers: low). Less is their choice.
  const byDefinition = classifyPriority(change.priorityAnswers ?? {}).priority;
  if (urgency(change.priority) < urgency(byDefinition)) {
    return refuse('priority.aboveDefinition', {
      priority: change.priority,
      definitionPriority: byDefinition,
    });
  }
  return allowed;
}

function checkStatus(
  current: CaseRecord,
  change: Change<'statusChanged'>,
  actor: Actor,
): RuleVerdict {
  const from = current.status;
  const to = change.status;
  if (current.mergedIntoId !== null) return refuse('status.mergedCase');
  if (from === to) {
    // Changing what a waiting case waits for is a real change; anything else is a no-op.
    const newReason = to === 'waiting' && change.waitingReason !== current.waitingReason;
    if (!newReason) return refuse('status.unchanged', { to });
  } else if (!isStatusTransitionAllowed(from, to)) {
    return refuse('status.transition', { from, to });
  }
  if (!isStaff(actor) && !requesterStatusMoves.some(([f, t]) => f === from && t === to)) {
    return refuse('requester.statusNotAllowed', { from, to });
  }
  if (to === 'resolved' && from !== 'resolved') return checkResolve(current, change, actor);
  return allowed;
}

/**
 * Resolving a case (staff only; a requester never resolves). The line that holds the case
 * resolves it: line 1 may not resolve a case it has sent to line 2 or 3 (it sends it back
 * first, or the line that has it decides). The team leader leads the service and may resolve a
 * case on any line; an admin works on no line and may not. And the requester must be told what
 * was done: the note is shown to them, so it may not be empty.
 */
function checkResolve(
  current: CaseRecord,
  change: Change<'statusChanged'>,
  actor: Actor,
): RuleVerdict {
  if (actor.role !== 'teamLeader' && lineOfRole(actor.role) !== current.line) {
    return refuse('status.resolveOtherLine', { line: current.line });
  }
  if (change.note.trim() === '') return refuse('status.resolutionNoteRequired');
  return allowed;
}

/** Changes allowed on a closed case: reopening it, and adding to its record. */
const allowedWhenClosed: ReadonlySet<CaseChange['type']> = new Set([
  'statusChanged',
  'commented',
  'worklogAdded',
  'linked',
  'attachmentAdded',
  'followersChanged',
]);

/** What a requester may do on their own case besides reopening or confirming it. */
function checkRequesterChange(change: CaseChange): RuleVerdict {
  switch (change.type) {
    case 'assigned':
      return refuse('requester.cannotAssign');
    case 'escalated':
      return refuse('requester.cannotEscalate');
    case 'commented':
      return change.visibility === 'requester' ? allowed : refuse('requester.internalComment');
    case 'statusChanged':
    // A screenshot or a log file on their own case (visibility is checked before).
    case 'attachmentAdded':
    // "I am affected too" (their case joins a known major incident), and following it.
    case 'affectedSet':
    case 'followersChanged':
      return allowed;
    default:
      return refuse('requester.notAllowed');
  }
}

/**
 * Whether `actor` may apply `change` to `current` (null before the case exists). The server
 * checks every pushed mutation with it and the client checks before applying optimistically,
 * so a refused edit is explained at once instead of bouncing back from the server.
 *
 * Order: existence, who may see the case, what a requester may do at all, closed cases, and
 * then the rule of the change's own kind (status table, escalation, assignment, priority).
 */
export function checkChange(
  current: CaseRecord | null,
  change: CaseChange,
  actor: Actor,
  context: RuleContext,
): RuleVerdict {
  if (change.type === 'created') {
    return current ? refuse('case.alreadyExists') : checkCreate(change, actor, context);
  }
  if (!current) return refuse('case.notFound');
  if (!canReadCase(current, actor)) return refuse('access.notVisible');
  if (!isStaff(actor)) {
    const verdict = checkRequesterChange(change);
    if (!verdict.ok) return verdict;
  }
  if (current.status === 'closed' && !allowedWhenClosed.has(change.type)) {
    return refuse('case.closed');
  }

  switch (change.type) {
    case 'statusChanged':
      return checkStatus(current, change, actor);
    case 'escalated':
      return checkEscalation(current, change.toLine, change.reason, context);
    case 'assigned':
      return checkAssignment(current, change.assigneeId, context);
    case 'prioritySet': {
      // Staff may depart from the definitions (they know more than the answers say), but
      // the audit trail must say why.
      if (change.answers === null || change.note.trim() !== '') return allowed;
      const byDefinition = classifyPriority(change.answers).priority;
      return byDefinition === change.priority
        ? allowed
        : refuse('priority.overrideNeedsNote', {
            priority: change.priority,
            definitionPriority: byDefinition,
          });
    }
    case 'fieldsChanged': {
      const municipalityId = change.changes.requester?.municipalityId;
      if (
        municipalityId !== undefined &&
        !findMunicipality(context.municipalities, municipalityId)
      ) {
        return refuse('case.unknownMunicipality', { municipality: municipalityId });
      }
      const categoryId = change.changes.categoryId;
      if (
        categoryId &&
        context.categories &&
        !context.categories.some((c) => c.id === categoryId)
      ) {
        return refuse('case.unknownCategory', { category: categoryId });
      }
      return allowed;
    }
    case 'merged':
      return change.intoCaseId === current.id ? refuse('merge.self') : allowed;
    case 'linked':
      return change.otherCaseId === current.id ? refuse('link.self') : allowed;
    case 'majorIncidentSet':
      // Line 1, seniors and team leaders run the service-wide picture; a municipality's
      // consultant does not declare an outage for everyone.
      return actor.role === 'consultant' ? refuse('majorIncident.notAllowed') : allowed;
    case 'affectedSet':
      return change.majorIncidentId === current.id ? refuse('affected.self') : allowed;
    case 'followersChanged':
      return change.userId === actor.id ? allowed : refuse('follow.onlySelf');
    case 'commented':
    case 'worklogAdded':
    case 'acknowledged':
    case 'attachmentAdded':
      return allowed;
  }
}
