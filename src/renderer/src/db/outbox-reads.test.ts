import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseRepository } from './case-repository';
import { outboxItemsOfCases } from './outbox-reads';
import { SaksbordDb } from './saksbord-db';
import { newCaseInput, sequentialIds, steppingClock, uniqueDbName } from './test-fixtures';

let db: SaksbordDb;
let caseIds: string[];
beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('outbox-reads'));
  const repo = createCaseRepository(db, {
    deviceId: 'device-1',
    getActor: () => ({ id: 'agent-1' }),
    now: steppingClock(),
    newId: sequentialIds(1),
  });
  caseIds = [];
  for (let i = 0; i < 30; i++) caseIds.push(await repo.createCase(newCaseInput));
  // Two items for the first case.
  await repo.applyLocalChange(caseIds[0]!, { type: 'prioritySet', priority: 'high' });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('outboxItemsOfCases', () => {
  it.each([
    ['a few cases of a large outbox (index lookups)', 2],
    ['many cases of a small outbox (one scan)', 20],
  ])('finds every item of the asked cases and no other, for %s', async (_how, asked) => {
    const wanted = caseIds.slice(0, asked);
    const items = await outboxItemsOfCases(db, wanted);
    expect(items).toHaveLength(asked + 1);
    expect(new Set(items.map((i) => i.caseId))).toEqual(new Set(wanted));
  });

  it('reads nothing for no cases', async () => {
    expect(await outboxItemsOfCases(db, [])).toEqual([]);
  });
});
