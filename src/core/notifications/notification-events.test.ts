import { describe, expect, it } from 'vitest';
import type { CaseChange } from '../case/case-change';
import type { CaseEvent } from '../case/case-event';
import type { CaseRecord } from '../case/case-record';
import type { Role } from '../rules/actor';
import { notificationNeeds } from './notification-events';

const base = {
  id: '00000000-0000-4000-8000-000000000001',
  status: 'inProgress',
  waitingReason: null,
  line: 1,
  assigneeId: null,
} as unknown as CaseRecord;
const rec = (over: Partial<CaseRecord>) => ({ ...base, ...over }) as CaseRecord;
const ev = (change: unknown) => ({ id: 'e', change }) as unknown as CaseEvent;

describe('which case events notify whom', () => {
  it.each<
    [string, CaseRecord | null, CaseRecord, CaseChange | Record<string, unknown>, Role, unknown[]]
  >([
    [
      'created → receipt',
      null,
      base,
      { type: 'created' },
      'agent',
      [{ kind: 'caseReceived', roles: ['requester'] }],
    ],
    [
      'a reply the requester can read',
      base,
      base,
      { type: 'commented', visibility: 'requester' },
      'agent',
      [{ kind: 'agentReplied', roles: ['requester'] }],
    ],
    [
      'an internal note: nobody',
      base,
      base,
      { type: 'commented', visibility: 'internal' },
      'agent',
      [],
    ],
    [
      'the requester comments, assigned → assignee',
      base,
      rec({ assigneeId: 'u' }),
      { type: 'commented', visibility: 'requester' },
      'requester',
      [{ kind: 'requesterReplied', roles: ['assignee'], line: 1 }],
    ],
    [
      'the requester comments, unassigned → the line',
      base,
      rec({ line: 2 }),
      { type: 'commented', visibility: 'requester' },
      'requester',
      [{ kind: 'requesterReplied', roles: ['lineMember'], line: 2 }],
    ],
    [
      'waiting for the requester',
      base,
      rec({ status: 'waiting', waitingReason: 'requester' }),
      { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
      'agent',
      [{ kind: 'waitingForYou', roles: ['requester'] }],
    ],
    [
      'waiting for a third party: nobody',
      base,
      base,
      { type: 'statusChanged', status: 'waiting', waitingReason: 'thirdParty' },
      'agent',
      [],
    ],
    [
      'already waiting for the requester: not again',
      rec({ status: 'waiting', waitingReason: 'requester' }),
      base,
      { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
      'agent',
      [],
    ],
    [
      'resolved',
      base,
      base,
      { type: 'statusChanged', status: 'resolved' },
      'agent',
      [{ kind: 'resolved', roles: ['requester'] }],
    ],
    [
      'closed by staff',
      base,
      base,
      { type: 'statusChanged', status: 'closed' },
      'agent',
      [{ kind: 'closed', roles: ['requester'] }],
    ],
    [
      'confirmed (closed) by the requester: nobody',
      base,
      base,
      { type: 'statusChanged', status: 'closed' },
      'requester',
      [],
    ],
    [
      'reopened by the requester → assignee',
      base,
      rec({ assigneeId: 'u' }),
      { type: 'statusChanged', status: 'reopened' },
      'requester',
      [{ kind: 'requesterReplied', roles: ['assignee'], line: 1 }],
    ],
    [
      'in progress: nobody',
      rec({ status: 'new' }),
      base,
      { type: 'statusChanged', status: 'inProgress' },
      'agent',
      [],
    ],
    [
      'assigned',
      base,
      rec({ assigneeId: 'u' }),
      { type: 'assigned', assigneeId: 'u' },
      'agent',
      [{ kind: 'assignedToYou', roles: ['assignee'] }],
    ],
    [
      'unassigned: nobody',
      rec({ assigneeId: 'u' }),
      base,
      { type: 'assigned', assigneeId: null },
      'agent',
      [],
    ],
    [
      'escalated to line 2',
      base,
      rec({ line: 2 }),
      { type: 'escalated', toLine: 2 },
      'agent',
      [{ kind: 'escalatedToYou', roles: ['lineMember'], line: 2 }],
    ],
    ['a worklog entry: nobody', base, base, { type: 'worklogAdded' }, 'agent', []],
  ])('%s', (_name, before, after, change, role, needs) => {
    expect(notificationNeeds(before, after, ev(change), role)).toEqual(needs);
  });
});
