import type { Role } from '@core/rules/index';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverRecordOf } from './case-rebase';
import { type CaseRepository, createCaseRepository, type LocalRuleCheck } from './case-repository';
import { appendEvents } from './event-log';
import { CaseNotFoundError, NotSignedInError, RuleViolation } from './local-errors';
import { SaksbordDb } from './saksbord-db';
import {
  newCaseInput,
  sequentialIds,
  serverCase,
  steppingClock,
  uniqueDbName,
} from './test-fixtures';

type Actor = { id: string; role: Role };

let db: SaksbordDb;
let repo: CaseRepository;
let actor: Actor | null;
let check: LocalRuleCheck<Actor> | undefined;

beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('repo'));
  actor = { id: 'agent-1', role: 'agent' };
  check = undefined;
  repo = createCaseRepository<Actor>(db, {
    deviceId: 'device-1',
    getActor: () => actor,
    now: steppingClock(),
    newId: sequentialIds(),
    checkChange: (current, change, a) => check?.(current, change, a) ?? { ok: true },
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('a case created offline', () => {
  it('shows at once with a provisional number and one change waiting', async () => {
    const id = await repo.createCase(newCaseInput);
    const local = await repo.caseById(id);
    expect(local).toMatchObject({
      id,
      number: null,
      provisionalNumber: 'L-0000',
      pendingCount: 1,
      status: 'new',
      line: 1,
      version: 0,
      server: null,
    });
    expect(await repo.pendingCount()).toBe(1);
  });

  it('writes the case and its outbox mutation together (base version 0)', async () => {
    const id = await repo.createCase(newCaseInput);
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({
      caseId: id,
      state: 'pending',
      actorId: 'agent-1',
      mutation: { caseId: id, baseVersion: 0, change: { type: 'created' } },
    });
  });
});

describe('local changes', () => {
  const id = '00000000-0000-4000-9000-000000000001';
  beforeEach(async () => {
    const server = serverCase({ id, version: 7, fieldVersions: { priority: 5 } });
    await db.cases.put({
      ...server,
      pendingCount: 0,
      rejectedCount: 0,
      provisionalNumber: null,
      server,
    });
  });

  it.each([
    [{ type: 'prioritySet', priority: 'high' }, { priority: 'high' }],
    [{ type: 'assigned', assigneeId: 'agent-1' }, { assigneeId: 'agent-1' }],
    [{ type: 'escalated', toLine: 2, reason: 'Treng lokal tilgang' }, { line: 2 }],
    [
      { type: 'statusChanged', status: 'waiting', waitingReason: 'requester' },
      { status: 'waiting' },
    ],
    [{ type: 'fieldsChanged', changes: { title: 'Ny tittel' } }, { title: 'Ny tittel' }],
  ] as const)('%o shows %o and queues it on the server version', async (change, shown) => {
    await repo.applyLocalChange(id, change);
    expect(await repo.caseById(id)).toMatchObject({ ...shown, pendingCount: 1, version: 7 });
    const [item] = await db.outbox.toArray();
    expect(item?.mutation).toMatchObject({ baseVersion: 7, change: { type: change.type } });
    // The server record stays as pulled, so a later pull can rebase on it.
    expect(serverRecordOf(await repo.caseById(id))?.priority).toBe('medium');
  });

  it('refuses a change a rule forbids, and stores nothing', async () => {
    check = (_c, change) =>
      change.type === 'assigned'
        ? { ok: false, rule: 'assignment.sameLine', messageKey: 'rules.assignment.sameLine' }
        : { ok: true };
    const attempt = repo.applyLocalChange(id, { type: 'assigned', assigneeId: 'senior-9' });
    await expect(attempt).rejects.toBeInstanceOf(RuleViolation);
    await expect(attempt).rejects.toMatchObject({ rule: 'assignment.sameLine' });
    expect(await db.outbox.count()).toBe(0);
    expect((await repo.caseById(id))?.assigneeId).toBeNull();
  });

  it.each([
    [
      'no signed-in user',
      (): void => {
        actor = null;
      },
      NotSignedInError,
      id,
    ],
    ['an unknown case', (): void => {}, CaseNotFoundError, '00000000-0000-4000-9000-00000000ffff'],
  ] as const)('refuses a change with %s', async (_what, arrange, error, caseId) => {
    arrange();
    await expect(
      repo.applyLocalChange(caseId, { type: 'prioritySet', priority: 'low' }),
    ).rejects.toBeInstanceOf(error);
    expect(await db.outbox.count()).toBe(0);
  });

  it('lists the timeline: server events, then local edits still waiting', async () => {
    await appendEvents(db, [
      {
        id: '00000000-0000-4000-a000-000000000001',
        caseId: id,
        seq: 1,
        at: '2026-11-24T08:00:00.000Z',
        clientAt: '2026-11-24T08:00:00.000Z',
        actorId: 'agent-2',
        deviceId: 'd2',
        mutationId: null,
        change: {
          type: 'commented',
          commentId: '00000000-0000-4000-a000-000000000002',
          body: 'Ringte innmeldar',
          visibility: 'internal',
        },
      },
    ]);
    await repo.applyLocalChange(id, { type: 'prioritySet', priority: 'high' });
    const timeline = await repo.eventsOf(id);
    expect(timeline.map((e) => e.kind)).toEqual(['server', 'local']);
    expect(timeline[1]).toMatchObject({ state: 'pending', change: { type: 'prioritySet' } });
  });

  it('lists open cases by line for the board', async () => {
    const other = await repo.createCase(newCaseInput);
    await repo.applyLocalChange(other, { type: 'statusChanged', status: 'resolved' });
    expect((await repo.openCasesByLine(1)).map((c) => c.id)).toEqual([id]);
    await repo.applyLocalChange(id, { type: 'escalated', toLine: 2, reason: 'Lokal tilgang' });
    expect(await repo.openCasesByLine(1)).toEqual([]);
    expect((await repo.openCasesByLine(2)).map((c) => c.id)).toEqual([id]);
  });
});

describe('conflicts', () => {
  const id = '00000000-0000-4000-9000-000000000002';
  const conflictId = '00000000-0000-4000-b000-000000000001';
  beforeEach(async () => {
    const server = serverCase({ id, version: 9, priority: 'high', fieldVersions: { priority: 9 } });
    await db.cases.put({
      ...server,
      pendingCount: 0,
      rejectedCount: 0,
      provisionalNumber: null,
      server,
    });
    await db.conflicts.put({
      id: conflictId,
      caseId: id,
      mutationId: '00000000-0000-4000-b000-000000000002',
      change: { type: 'prioritySet', priority: 'medium', answers: null, note: '' },
      field: 'priority',
      yourValue: 'medium',
      serverValue: 'high',
      serverChangedBy: 'agent-2',
      serverChangedAt: '2026-11-24T10:00:00.000Z',
      detectedAt: '2026-11-24T11:00:00.000Z',
      state: 'open',
    });
  });

  it('applies the losing value again with one action, on the current version', async () => {
    expect(await repo.conflictsOf(id)).toHaveLength(1);
    await repo.reapplyConflict(conflictId);
    expect(await repo.caseById(id)).toMatchObject({ priority: 'medium', pendingCount: 1 });
    expect((await db.outbox.toArray())[0]?.mutation).toMatchObject({
      baseVersion: 9,
      change: { type: 'prioritySet', priority: 'medium' },
    });
    expect(await repo.conflictsOf(id)).toEqual([]);
    await expect(repo.reapplyConflict(conflictId)).rejects.toThrow(/already resolved/);
  });

  it('lets the server value stand when dismissed', async () => {
    await repo.dismissConflict(conflictId);
    expect(await repo.conflictsOf(id)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.conflicts.get(conflictId))?.state).toBe('dismissed');
  });
});

describe('bulk changes', () => {
  it('stores every allowed change in one go and reports each refusal in its place', async () => {
    const ids = [
      await repo.createCase(newCaseInput),
      await repo.createCase(newCaseInput),
      await repo.createCase(newCaseInput),
    ];
    // The rules refuse an escalation of the second case only.
    check = (current, change) =>
      change.type === 'escalated' && current?.id === ids[1]
        ? { ok: false, rule: 'escalation.reasonRequired', messageKey: 'escalation.reasonRequired' }
        : { ok: true };
    const outcomes = await repo.applyLocalChanges([
      ...ids.map((caseId) => ({
        caseId,
        change: { type: 'escalated' as const, toLine: 2 as const, reason: 'Treng konsulenten' },
      })),
      { caseId: 'no-such-case', change: { type: 'acknowledged' as const } },
    ]);
    expect(outcomes.map((o) => (o === null ? null : o.name))).toEqual([
      null,
      'RuleViolation',
      null,
      'CaseNotFoundError',
    ]);
    expect((outcomes[1] as RuleViolation).rule).toBe('escalation.reasonRequired');
    expect((await repo.caseById(ids[0]!))?.line).toBe(2);
    expect((await repo.caseById(ids[1]!))?.line).toBe(1);
    expect((await repo.caseById(ids[2]!))?.line).toBe(2);
    // Three creations and two escalations wait for the server.
    expect(await repo.pendingCount()).toBe(5);
  });
});
