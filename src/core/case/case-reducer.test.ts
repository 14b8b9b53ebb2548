import { describe, expect, it } from 'vitest';
import type { Role } from '../rules/actor';
import { type CaseChangeInput, caseChangeSchema } from './case-change';
import type { CaseRecord } from './case-record';
import { applyChange, conflictingFields } from './case-reducer';

const caseId = '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01';
const change = (input: CaseChangeInput) => caseChangeSchema.parse(input);
const created = change({
  type: 'created',
  title: 'Skrivaren på legekontoret skriv ikkje ut',
  priority: 'medium',
  channel: 'phone',
  requester: { name: 'Kari Nordmann', municipalityId: 'molde' },
});

/** Folds changes made one minute apart; each by an agent unless given as [change, role]. */
function fold(...changes: (CaseChangeInput | readonly [CaseChangeInput, Role])[]): CaseRecord {
  let record: CaseRecord | null = null;
  changes.forEach((c, i) => {
    const [input, actorRole] = Array.isArray(c) ? c : [c as CaseChangeInput, 'agent' as Role];
    record = applyChange(record, change(input), {
      caseId,
      at: `2026-11-24T10:0${i}:00+01:00`,
      actorId: actorRole === 'requester' ? 'kari' : 'agent-1',
      actorRole,
      seq: i + 1,
    });
  });
  return record!;
}

describe('a case is the fold of its changes', () => {
  it('starts new, on line 1, unassigned', () => {
    const record = fold(created);
    expect(record).toMatchObject({
      status: 'new',
      line: 1,
      assigneeId: null,
      version: 1,
      number: null,
    });
  });

  it.each([
    [{ type: 'prioritySet', priority: 'critical' }, { priority: 'critical' }],
    [
      { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
      { status: 'waiting', waitingReason: 'requester' },
    ],
    [
      { type: 'escalated', toLine: 2, reason: 'Treng tilgang på servaren' },
      { line: 2, assigneeId: null },
    ],
    [{ type: 'assigned', assigneeId: 'agent-7' }, { assigneeId: 'agent-7' }],
    [
      { type: 'merged', intoCaseId: caseId },
      { status: 'closed', mergedIntoId: caseId },
    ],
    [{ type: 'fieldsChanged', changes: { title: 'Ny tittel' } }, { title: 'Ny tittel' }],
  ] as const)('%o gives %o', (input, expected) => {
    expect(fold(created, input)).toMatchObject(expected);
  });

  it('records the first response once', () => {
    const record = fold(
      created,
      { type: 'acknowledged' },
      { type: 'statusChanged', status: 'inProgress' },
    );
    expect(record.firstResponseAt).toBe('2026-11-24T10:01:00+01:00');
  });

  it("does not take the requester's own comment for the desk's first response", () => {
    const toDesk = {
      type: 'commented',
      commentId: caseId,
      body: 'Det gjeld også skannaren',
      visibility: 'requester',
    } as const;
    const record = fold(created, [toDesk, 'requester'], { type: 'acknowledged' });
    expect(record.firstResponseAt).toBe('2026-11-24T10:02:00+01:00');
    expect(record.slaTimeline.filter((f) => f.kind === 'responded')).toEqual([
      { at: Date.parse('2026-11-24T10:02:00+01:00'), kind: 'responded' },
    ]);
  });

  it('refuses a change to a case that was never created', () => {
    expect(() =>
      applyChange(null, change({ type: 'acknowledged' }), {
        caseId,
        at: '2026-11-24T10:00:00Z',
        actorId: 'a',
        actorRole: 'agent',
        seq: 1,
      }),
    ).toThrow(/must be created first/);
  });
});

describe('per-field conflicts', () => {
  const record = fold(
    created,
    { type: 'prioritySet', priority: 'high' },
    { type: 'assigned', assigneeId: 'x' },
  );

  it.each([
    [
      'priority changed on the server after the base',
      { type: 'prioritySet', priority: 'low' },
      1,
      ['priority'],
    ],
    ['priority changed before the base', { type: 'prioritySet', priority: 'low' }, 2, []],
    [
      'comments never conflict',
      { type: 'commented', commentId: caseId, body: 'Hei', visibility: 'internal' },
      0,
      [],
    ],
    [
      'attachments never conflict',
      {
        type: 'attachmentAdded',
        attachmentId: caseId,
        fileName: 'skjerm.png',
        contentType: 'image/png',
        sizeBytes: 2048,
      },
      0,
      [],
    ],
    [
      'escalation writes line and assignee',
      { type: 'escalated', toLine: 3, reason: 'r' },
      2,
      ['assigneeId'],
    ],
  ] as const)('%s', (_rule, input, base, expected) => {
    expect(conflictingFields(record, change(input), base)).toEqual(expected);
  });
});

describe('an attachment is a record of the upload, nothing more', () => {
  it('changes no field but the version and the update time', () => {
    const before = fold(created);
    const after = fold(created, {
      type: 'attachmentAdded',
      attachmentId: caseId,
      fileName: 'skjerm.png',
      contentType: 'image/png',
      sizeBytes: 2048,
    });
    const { version, updatedAt, ...rest } = after;
    const { version: _v, updatedAt: _u, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(version).toBe(2);
    expect(updatedAt).not.toBe(before.updatedAt);
  });

  it.each([
    ['an empty file', { sizeBytes: 0 }],
    ['no file name', { fileName: ' ' }],
    ['an attachment id that is not a UUID', { attachmentId: 'x' }],
  ])('refuses %s', (_what, overrides) => {
    expect(
      caseChangeSchema.safeParse({
        ...{
          type: 'attachmentAdded',
          attachmentId: caseId,
          fileName: 'skjerm.png',
          contentType: 'image/png',
          sizeBytes: 2048,
        },
        ...overrides,
      }).success,
    ).toBe(false);
  });
});

describe('status changes validate the waiting reason', () => {
  it.each([
    [{ type: 'statusChanged', status: 'waiting' }, false],
    [{ type: 'statusChanged', status: 'inProgress', waitingReason: 'requester' }, false],
    [{ type: 'statusChanged', status: 'waiting', waitingReason: 'thirdParty' }, true],
  ] as const)('%o valid: %s', (input, valid) => {
    expect(caseChangeSchema.safeParse(input).success).toBe(valid);
  });
});
