import { describe, expect, it } from 'vitest';
import type { CaseChangeInput } from '../case/case-change';
import { caseChangeSchema } from '../case/case-change';
import type { CaseEvent } from '../case/case-event';
import {
  hiddenReason,
  requesterCaseView,
  requesterEventView,
  requesterResultView,
  supportActorId,
} from './requester-view';
import { sampleCase, sampleCaseId } from './rule-test-fixtures';

const at = '2026-03-02T10:00:00+01:00';
const event = (change: CaseChangeInput, actorId = 'agent'): CaseEvent => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  caseId: sampleCaseId,
  seq: 7,
  at,
  clientAt: '2026-03-02T09:59:00+01:00',
  actorId,
  deviceId: `device-of-${actorId}`,
  mutationId: '00000000-0000-4000-8000-0000000000f1',
  change: caseChangeSchema.parse(change),
});
const commentId = '00000000-0000-4000-8000-0000000000c1';
const otherCase = '00000000-0000-4000-8000-000000000002';

describe('requesterEventView: what a requester sees of each event', () => {
  const cases: [string, CaseChangeInput, string, Record<string, unknown> | null][] = [
    [
      'an escalation: the line, never the reason or what was tried',
      { type: 'escalated', toLine: 2, reason: 'Treng admin på tenaren', tried: 'Omstart' },
      'agent',
      { toLine: 2, reason: hiddenReason, tried: '' },
    ],
    [
      'a status move with a working note: the status, no note',
      { type: 'statusChanged', status: 'inProgress', note: 'Ringde leverandøren' },
      'agent',
      { status: 'inProgress', note: '' },
    ],
    [
      'the resolution: its note is written for the requester',
      { type: 'statusChanged', status: 'resolved', note: 'Bytte toner' },
      'agent',
      { status: 'resolved', note: 'Bytte toner' },
    ],
    [
      'a priority set by staff: no note, no answers',
      { type: 'prioritySet', priority: 'high', note: 'Heile eininga', answers: { scope: 'unit' } },
      'agent',
      { priority: 'high', note: '', answers: null },
    ],
    [
      'an assignment: "user support", not the consultant',
      { type: 'assigned', assigneeId: 'konsulent-molde' },
      'agent',
      { assigneeId: supportActorId },
    ],
    ['a link to another case: left out', { type: 'linked', otherCaseId: otherCase }, 'agent', null],
    [
      'the worklog: left out',
      { type: 'worklogAdded', entryId: commentId, minutes: 5, line: 1 },
      'agent',
      null,
    ],
    [
      'an internal comment: left out',
      { type: 'commented', commentId, body: 'Intern', visibility: 'internal' },
      'agent',
      null,
    ],
    [
      'an answer to the requester: kept',
      { type: 'commented', commentId, body: 'Prøv no', visibility: 'requester' },
      'agent',
      { body: 'Prøv no' },
    ],
    [
      'the requester’s own comment: kept as is',
      { type: 'commented', commentId, body: 'Takk', visibility: 'requester' },
      'kari',
      { body: 'Takk' },
    ],
  ];
  it.each(cases)('%s', (_name, change, actorId, expected) => {
    const seen = requesterEventView(event(change, actorId), 'kari');
    if (expected === null) {
      expect(seen).toBeNull();
      return;
    }
    expect(seen).not.toBeNull();
    expect(seen!.change).toMatchObject(expected);
    expect(seen!.at).toBe(at);
    if (actorId === 'kari') {
      expect(seen).toMatchObject({ actorId: 'kari', deviceId: 'device-of-kari' });
    } else {
      // No staff id, device, mutation or client clock.
      expect(seen).toMatchObject({
        actorId: supportActorId,
        deviceId: '',
        mutationId: null,
        clientAt: at,
      });
    }
    // Still a valid event of the contract.
    expect(caseChangeSchema.safeParse(seen!.change).success).toBe(true);
  });
});

describe('requesterCaseView', () => {
  it('drops links, the SLA timeline and staff ids; keeps what the requester reported', () => {
    const record = sampleCase({
      assigneeId: 'konsulent-molde',
      createdBy: 'agent',
      linkedCaseIds: [otherCase],
      slaTimeline: [{ kind: 'created', at: 1, priority: 'low' }],
    });
    const seen = requesterCaseView(record, 'kari');
    expect(seen).toMatchObject({
      assigneeId: supportActorId,
      createdBy: supportActorId,
      linkedCaseIds: [],
      slaTimeline: [],
      title: record.title,
      requester: record.requester,
      status: record.status,
      line: record.line,
    });
    expect(requesterCaseView(sampleCase(), 'kari')).toMatchObject({
      assigneeId: null,
      createdBy: 'kari',
    });
  });

  it('names staff as "support" in a push result’s conflicts', () => {
    const result = requesterResultView(
      {
        mutationId: commentId,
        status: 'conflict',
        seq: null,
        reason: null,
        rule: null,
        conflicts: [
          {
            field: 'status',
            yourValue: 'closed',
            serverValue: 'reopened',
            serverChangedBy: 'agent',
            serverChangedAt: at,
          },
        ],
      },
      'kari',
    );
    expect(result.conflicts[0]!.serverChangedBy).toBe(supportActorId);
  });
});
