import type { CaseRecord } from '../case/case-record';
import { findMunicipality } from '../config/municipality-config';
import { lineOfRole, type UserFacts } from './actor';
import type { RuleContext } from './rule-context';
import { allowed, type RuleVerdict, refuse } from './rule-verdict';

type AssignableCase = Pick<CaseRecord, 'line' | 'requester'>;

/**
 * Whether `userId` works on the case's current line: line 1 agents (and the team leader),
 * line 3 seniors, and line 2 the consultants of the requester's municipality, which are those
 * whose account lists the municipality or whom its line-2 group lists by id.
 */
export function isOnCaseLine(
  record: AssignableCase,
  userId: string,
  user: UserFacts,
  context: RuleContext,
): boolean {
  if (lineOfRole(user.role) !== record.line) return false;
  if (record.line !== 2) return true;
  const municipalityId = record.requester.municipalityId;
  const group = findMunicipality(context.municipalities, municipalityId)?.line2Group;
  if (!group) return false;
  return user.municipalityIds.includes(municipalityId) || group.consultantIds.includes(userId);
}

/**
 * Whether a case may be assigned to `assigneeId` (null unassigns, always allowed). A case is
 * assigned within its line only: to reach a consultant it must first be escalated to line 2,
 * which is how "no case is reported directly to an ICT consultant" holds for staff too. Who
 * may assign at all (never a requester) is checked by `checkChange`.
 */
export function checkAssignment(
  record: AssignableCase,
  assigneeId: string | null,
  context: RuleContext,
): RuleVerdict {
  if (assigneeId === null) return allowed;
  // Without a directory nobody can tell who the assignee is; the server, which has one, decides.
  if (!context.users) return allowed;
  const user = context.users(assigneeId);
  if (!user) return refuse('assignment.unknownAssignee');
  if (isOnCaseLine(record, assigneeId, user, context)) return allowed;
  return refuse('assignment.notOnLine', { line: record.line });
}
