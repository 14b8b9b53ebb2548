import { describe, expect, it } from 'vitest';
import { type CaseChange, type CaseChangeInput, caseChangeSchema } from '../case/case-change';
import type { ConflictField } from '../case/case-record';
import { sampleCase, sampleCaseId } from '../rules/rule-test-fixtures';
import { decideFieldConflicts, type FieldWriter, survivingChange } from './field-conflict-decision';
import type { Mutation } from './sync-protocol';

const me = { actorId: 'agent-1', deviceId: 'laptop-1' };
const other: FieldWriter = { actorId: 'agent-2', deviceId: 'desk-2', at: '2026-03-02T10:00:00Z' };
const myEarlier: FieldWriter = { ...me, at: '2026-03-02T09:30:00Z' };
const meOnAnotherDevice: FieldWriter = { ...other, actorId: me.actorId };
const someoneOnMyDevice: FieldWriter = { ...other, deviceId: me.deviceId };

/** Server record at version 7: line written at 3, status at 4, title 5, priority 6, assignee 7. */
const current = sampleCase({
  title: 'Skrivar: papirstopp',
  priority: 'high',
  assigneeId: 'agent-2',
  line: 1,
  version: 7,
  fieldVersions: { title: 5, priority: 6, assigneeId: 7, line: 3, status: 4 },
});

/** A change as the protocol parses it (defaults filled in). */
const parsed = (input: CaseChangeInput): CaseChange => caseChangeSchema.parse(input);

const mutation = (change: CaseChange, baseVersion: number): Mutation => ({
  mutationId: '00000000-0000-4000-8000-0000000000aa',
  caseId: sampleCaseId,
  baseVersion,
  clientAt: '2026-03-02T09:45:00Z',
  change,
});

const retitle = parsed({
  type: 'fieldsChanged',
  changes: { title: 'Min tittel', description: 'Ny skildring' },
});
const prioritySet = parsed({ type: 'prioritySet', priority: 'low' });
const escalate = parsed({ type: 'escalated', toLine: 2, reason: 'Treng konsulent' });
const comment = parsed({
  type: 'commented',
  commentId: '00000000-0000-4000-8000-0000000000cc',
  body: 'Ringte',
  visibility: 'internal',
});

describe('which fields of a change lose to newer server writes, and what change survives', () => {
  it.each<
    [
      string,
      CaseChange,
      number,
      Partial<Record<ConflictField, FieldWriter>>,
      ConflictField[],
      CaseChange | null,
    ]
  >([
    ['base is current: nothing lost', retitle, 7, {}, [], retitle],
    [
      'title changed by somebody else after the base: only title lost, description applies',
      retitle,
      4,
      { title: other },
      ['title'],
      parsed({ type: 'fieldsChanged', changes: { description: 'Ny skildring' } }),
    ],
    [
      'my own earlier edit from this device is no conflict',
      retitle,
      4,
      { title: myEarlier },
      [],
      retitle,
    ],
    [
      'me on another device is a conflict',
      retitle,
      4,
      { title: meOnAnotherDevice },
      ['title'],
      {
        type: 'fieldsChanged',
        changes: { description: 'Ny skildring' },
      },
    ],
    [
      'somebody else on my device is a conflict',
      prioritySet,
      5,
      { priority: someoneOnMyDevice },
      ['priority'],
      null,
    ],
    ['a writer that cannot be found loses', prioritySet, 5, {}, ['priority'], null],
    [
      'every written field lost: nothing survives',
      parsed({ type: 'fieldsChanged', changes: { title: 'x' } }),
      4,
      { title: other },
      ['title'],
      null,
    ],
    [
      'priority set before the server raised it: lost',
      prioritySet,
      5,
      { priority: other },
      ['priority'],
      null,
    ],
    [
      'priority after the server raised it: applies',
      prioritySet,
      6,
      { priority: other },
      [],
      prioritySet,
    ],
    [
      'an escalation is one decision: a stale assignee loses the whole move',
      escalate,
      6,
      { assigneeId: other },
      ['assigneeId'],
      null,
    ],
    ['comments never conflict', comment, 0, {}, [], comment],
  ])('%s', (_what, change, baseVersion, writers, lost, survives) => {
    const decision = decideFieldConflicts(
      current,
      mutation(change, baseVersion),
      me,
      new Map(Object.entries(writers) as [ConflictField, FieldWriter][]),
    );
    expect(decision.lost).toEqual(lost);
    expect(decision.change).toEqual(survives);
    expect(decision.conflicts.map((c) => c.field)).toEqual(lost);
  });

  it('a case that does not exist yet has nothing to conflict with', () => {
    const created = mutation({ ...retitle }, 0);
    expect(decideFieldConflicts(null, created, me, new Map())).toEqual({
      lost: [],
      conflicts: [],
      change: created.change,
    });
  });

  it.each<[string, CaseChange, number, ConflictField, unknown, unknown]>([
    ['title', retitle, 4, 'title', 'Min tittel', 'Skrivar: papirstopp'],
    ['priority', prioritySet, 5, 'priority', 'low', 'high'],
    ['status', parsed({ type: 'statusChanged', status: 'closed' }), 0, 'status', 'closed', 'new'],
    [
      'a merge closes',
      parsed({ type: 'merged', intoCaseId: '00000000-0000-4000-8000-000000000002' }),
      0,
      'status',
      'closed',
      'new',
    ],
    [
      'assignee',
      parsed({ type: 'assigned', assigneeId: 'agent-9' }),
      6,
      'assigneeId',
      'agent-9',
      'agent-2',
    ],
    ['escalation: its line', escalate, 2, 'line', 2, 1],
    ['escalation: it clears the assignee', escalate, 2, 'assigneeId', null, 'agent-2'],
  ])(
    'the conflict hands back my value and names the server writer: %s',
    (_what, change, base, field, yours, theirs) => {
      const writers = new Map<ConflictField, FieldWriter>([[field, other]]);
      const { conflicts } = decideFieldConflicts(current, mutation(change, base), me, writers);
      expect(conflicts.find((c) => c.field === field)).toEqual({
        field,
        yourValue: yours,
        serverValue: theirs,
        serverChangedBy: 'agent-2',
        serverChangedAt: '2026-03-02T10:00:00Z',
      });
    },
  );

  it.each<[string, CaseChange, ConflictField[], CaseChange | null]>([
    ['nothing lost: the change as it is', prioritySet, [], prioritySet],
    [
      'fieldsChanged keeps the rest',
      retitle,
      ['description'],
      parsed({ type: 'fieldsChanged', changes: { title: 'Min tittel' } }),
    ],
    ['fieldsChanged with every field lost', retitle, ['title', 'description'], null],
    ['any other change is all or nothing', escalate, ['line'], null],
  ])('survivingChange: %s', (_what, change, lost, expected) => {
    expect(survivingChange(change, lost)).toEqual(expected);
  });
});
