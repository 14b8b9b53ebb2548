import { describe, expect, it } from 'vitest';
import { checkChange } from '../rules/change-rules';
import { type CaseChangeInput, caseChangeSchema } from './case-change';
import type { CaseRecord } from './case-record';
import { applyChange } from './case-reducer';
import { mentionedUsernames, replyToAffected, solveMajorIncident } from './major-incident';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meta = (seq: number) => ({
  caseId: id(1),
  at: `2026-11-30T08:${String(seq).padStart(2, '0')}:00.000Z`,
  actorId: 'agent-1',
  actorRole: 'agent' as const,
  seq,
});

function created(): CaseRecord {
  return applyChange(
    null,
    caseChangeSchema.parse({
      type: 'created',
      title: 'Nettet er nede på rådhuset',
      priority: 'high',
      channel: 'phone',
      requester: { name: 'Kari', municipalityId: 'molde' },
    }),
    meta(1),
  );
}
const apply = (record: CaseRecord, change: CaseChangeInput, seq: number) =>
  applyChange(record, caseChangeSchema.parse(change), meta(seq));

describe('major incidents, affected cases and followers in the reducer', () => {
  it('marks and unmarks a major incident', () => {
    const major = apply(created(), { type: 'majorIncidentSet', major: true }, 2);
    expect(major.majorIncident).toBe(true);
    expect(apply(major, { type: 'majorIncidentSet', major: false }, 3).majorIncident).toBe(false);
  });

  it('links an affected case to its major incident (also as a linked case)', () => {
    const affected = apply(created(), { type: 'affectedSet', majorIncidentId: id(9) }, 2);
    expect([affected.affectedBy, affected.linkedCaseIds]).toEqual([id(9), [id(9)]]);
    const again = apply(affected, { type: 'affectedSet', majorIncidentId: id(9) }, 3);
    expect(again.linkedCaseIds).toEqual([id(9)]);
    expect(apply(again, { type: 'affectedSet', majorIncidentId: null }, 4).affectedBy).toBeNull();
  });

  it('keeps each follower once, in the order they came', () => {
    let c = apply(created(), { type: 'followersChanged', userId: 'a', following: true }, 2);
    c = apply(c, { type: 'followersChanged', userId: 'b', following: true }, 3);
    c = apply(c, { type: 'followersChanged', userId: 'a', following: true }, 4);
    expect(c.followerIds).toEqual(['b', 'a']);
    c = apply(c, { type: 'followersChanged', userId: 'b', following: false }, 5);
    expect(c.followerIds).toEqual(['a']);
  });

  it('leaves old cases as they were (no new fields until a new change)', () => {
    expect(created()).not.toHaveProperty('majorIncident');
    expect(created()).not.toHaveProperty('followerIds');
  });
});

describe('the rules of the new changes', () => {
  const context = { municipalities: [], users: () => undefined };
  const check = (
    change: CaseChangeInput,
    role: 'agent' | 'consultant' | 'requester',
    actorId = 'u1',
  ) =>
    checkChange(
      { ...created(), requester: { ...created().requester, userId: 'u1' } },
      caseChangeSchema.parse(change),
      { id: actorId, role, municipalityIds: ['molde'] },
      context,
    );
  it.each([
    [{ type: 'majorIncidentSet', major: true }, 'agent', true],
    [{ type: 'majorIncidentSet', major: true }, 'consultant', false],
    [{ type: 'majorIncidentSet', major: true }, 'requester', false],
    [{ type: 'affectedSet', majorIncidentId: id(9) }, 'requester', true],
    [{ type: 'affectedSet', majorIncidentId: id(1) }, 'agent', false],
    [{ type: 'followersChanged', userId: 'u1', following: true }, 'consultant', true],
    [{ type: 'followersChanged', userId: 'u2', following: true }, 'agent', false],
  ] as const)('%j by a %s: allowed %s', (change, role, ok) => {
    expect(check(change as CaseChangeInput, role).ok).toBe(ok);
  });
});

describe('planning a major incident’s replies and solution', () => {
  it('replies once to every affected requester', () => {
    let n = 0;
    const plan = replyToAffected([id(2), id(3)], 'Nettet er oppe att.', () => id(100 + n++));
    expect(plan).toEqual([
      {
        caseId: id(2),
        change: {
          type: 'commented',
          commentId: id(100),
          body: 'Nettet er oppe att.',
          visibility: 'requester',
        },
      },
      {
        caseId: id(3),
        change: {
          type: 'commented',
          commentId: id(101),
          body: 'Nettet er oppe att.',
          visibility: 'requester',
        },
      },
    ]);
  });

  it('solves the incident and its open affected cases with one note, except those kept open', () => {
    const plan = solveMajorIncident(
      { id: id(1), status: 'inProgress' },
      [
        { id: id(2), status: 'new' },
        { id: id(3), status: 'closed' },
        { id: id(4), status: 'waiting' },
        { id: id(5), status: 'inProgress' },
      ],
      'Ruteren i kjellaren er bytt.',
      new Set([id(5)]),
    );
    expect(plan.map((p) => p.caseId)).toEqual([id(1), id(2), id(4)]);
    expect(plan[0]!.change).toEqual({
      type: 'statusChanged',
      status: 'resolved',
      waitingReason: null,
      note: 'Ruteren i kjellaren er bytt.',
    });
  });
});

describe('mentions', () => {
  it.each([
    ['Kan @konsulent-molde sjå på dette?', ['konsulent-molde']],
    ['@Senior1 og @agent2, og @senior1 att.', ['senior1', 'agent2']],
    ['Send til kari@molde.kommune.no', []],
    ['Ingen her', []],
  ])('%j mentions %j', (body, names) => {
    expect(mentionedUsernames(body)).toEqual(names);
  });
});
