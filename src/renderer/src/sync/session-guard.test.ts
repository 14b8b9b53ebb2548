import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaseRepository } from '../db/case-repository';
import { SaksbordDb } from '../db/saksbord-db';
import { newCaseInput, sequentialIds, steppingClock, uniqueDbName } from '../db/test-fixtures';
import { signOut, UnsyncedChangesError, validSession } from './session-guard';

let db: SaksbordDb;
const session = {
  id: 'current' as const,
  token: 'tok',
  expiresAt: '2026-12-01T00:00:00.000Z',
  user: {
    id: 'agent-1',
    username: 'kari',
    displayName: 'Kari',
    roles: ['agent'],
    municipalityIds: [],
  },
  signedInAt: '2026-11-24T08:00:00.000Z',
};

beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('session'));
  await db.session.put(session);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('offline sign-in with the last session', () => {
  it.each([
    ['2026-11-30T23:59:59.000Z', true],
    ['2026-12-01T00:00:00.000Z', false],
  ])('at %s the session is valid: %s', async (at, valid) => {
    expect((await validSession(db, new Date(at))) !== null).toBe(valid);
  });
});

describe('signing out', () => {
  const repo = () =>
    createCaseRepository(db, {
      deviceId: 'd',
      getActor: () => ({ id: 'agent-1' }),
      now: steppingClock(),
      newId: sequentialIds(3),
    });

  it('refuses while changes wait, naming how many', async () => {
    await repo().createCase(newCaseInput);
    const attempt = signOut(db, { dropUnsynced: false });
    await expect(attempt).rejects.toBeInstanceOf(UnsyncedChangesError);
    await expect(attempt).rejects.toMatchObject({ pendingCount: 1 });
    expect(await db.session.get('current')).toBeDefined();
  });

  it('drops the waiting changes when the user agrees, and ends the session', async () => {
    const id = await repo().createCase(newCaseInput);
    const revoke = vi.fn().mockRejectedValue(new Error('offline'));
    await signOut(db, { dropUnsynced: true, revoke });
    expect(revoke).toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.get(id)).toBeUndefined();
    expect(await db.session.get('current')).toBeUndefined();
  });

  it('signs out at once when everything is synced', async () => {
    await signOut(db, { dropUnsynced: false });
    expect(await validSession(db, new Date('2026-11-25T00:00:00Z'))).toBeNull();
  });
});
