import type { CaseEvent } from '../case/case-event';
import type { CaseRecord } from '../case/case-record';
import type { SupportLine } from '../case/case-vocabulary';
import type { Role } from '../rules/actor';
import type { NotificationKind, NotificationRole } from './notification-kinds';

/**
 * Who is to hear of one case event, as kinds and the roles they go to. The server resolves
 * the roles to people (the requester's address, the assignee, the members of a line), and
 * `deliveriesFor` decides the channels person by person.
 */
export interface NotificationNeed {
  kind: NotificationKind;
  roles: readonly NotificationRole[];
  /** For `lineMember`: the line (and, for line 2, the municipality) whose members hear. */
  line?: SupportLine;
}

export function notificationNeeds(
  before: CaseRecord | null,
  after: CaseRecord,
  event: CaseEvent,
  actorRole: Role | null,
): NotificationNeed[] {
  const change = event.change;
  const byRequester = actorRole === 'requester';
  switch (change.type) {
    case 'created':
      return [{ kind: 'caseReceived', roles: ['requester'] }];
    case 'commented':
      if (byRequester) {
        return [
          {
            kind: 'requesterReplied',
            roles: after.assigneeId ? ['assignee'] : ['lineMember'],
            line: after.line,
          },
        ];
      }
      return change.visibility === 'requester'
        ? [{ kind: 'agentReplied', roles: ['requester'] }]
        : [];
    case 'statusChanged':
      if (before?.status === change.status && change.status !== 'waiting') return [];
      if (change.status === 'waiting' && change.waitingReason === 'requester') {
        return before?.status === 'waiting' && before.waitingReason === 'requester'
          ? []
          : [{ kind: 'waitingForYou', roles: ['requester'] }];
      }
      if (change.status === 'resolved') return [{ kind: 'resolved', roles: ['requester'] }];
      if (change.status === 'closed' && !byRequester) {
        return [{ kind: 'closed', roles: ['requester'] }];
      }
      if (change.status === 'reopened' && byRequester) {
        return [
          {
            kind: 'requesterReplied',
            roles: after.assigneeId ? ['assignee'] : ['lineMember'],
            line: after.line,
          },
        ];
      }
      return [];
    case 'assigned':
      return change.assigneeId && change.assigneeId !== before?.assigneeId
        ? [{ kind: 'assignedToYou', roles: ['assignee'] }]
        : [];
    case 'escalated':
      return [{ kind: 'escalatedToYou', roles: ['lineMember'], line: change.toLine }];
    default:
      return [];
  }
}
