import { type CaseStatus, openStatuses, type Priority, type SupportLine } from '@core/case/index';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseIdsInStatuses,
  casesInStatuses,
  casesOnLine,
  casesWithPriorityInStatuses,
} from './case-queries';
import { rebuildLocalCase } from './case-rebase';
import { SaksbordDb } from './saksbord-db';
import { serverCase, uniqueDbName } from './test-fixtures';

/** [number, line, status, priority] */
const rows: Array<[number, SupportLine, CaseStatus, Priority]> = [
  [1, 1, 'new', 'critical'],
  [2, 1, 'closed', 'critical'],
  [3, 2, 'inProgress', 'critical'],
  [4, 2, 'waiting', 'low'],
  [5, 3, 'resolved', 'high'],
  [6, 1, 'reopened', 'medium'],
];
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const numbers = (cases: Array<{ id: string }>) =>
  cases.map((c) => Number(c.id.slice(-12))).sort((a, b) => a - b);

let db: SaksbordDb;
beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('queries'));
  await db.cases.bulkPut(
    rows.map(
      ([n, line, status, priority]) =>
        rebuildLocalCase(id(n), serverCase({ id: id(n), line, status, priority }), [])!,
    ),
  );
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('reads of the cases table by index', () => {
  it.each([
    ['open cases', [...openStatuses], [1, 3, 4, 6]],
    ['resolved and closed', ['resolved', 'closed'] as CaseStatus[], [2, 5]],
  ])('%s', async (_what, statuses, expected) => {
    expect(numbers(await casesInStatuses(db, statuses))).toEqual(expected);
    expect((await caseIdsInStatuses(db, statuses)).map((i) => Number(i.slice(-12))).sort()).toEqual(
      expected,
    );
  });

  it("a line's open queue", async () => {
    expect(numbers(await casesOnLine(db, 1, openStatuses))).toEqual([1, 6]);
  });

  it('open critical cases only (not the closed ones)', async () => {
    expect(numbers(await casesWithPriorityInStatuses(db, 'critical', openStatuses))).toEqual([
      1, 3,
    ]);
    expect(await casesWithPriorityInStatuses(db, 'low', ['new'])).toEqual([]);
  });

  it('open critical cases among many (over 500: index keys intersected first)', async () => {
    const many = Array.from({ length: 510 }, (_, i) => {
      const caseId = id(100 + i);
      const status: CaseStatus = i % 3 === 0 ? 'inProgress' : 'closed';
      return rebuildLocalCase(
        caseId,
        serverCase({ id: caseId, status, priority: 'critical' }),
        [],
      )!;
    });
    await db.cases.bulkPut(many);
    const open = await casesWithPriorityInStatuses(db, 'critical', openStatuses);
    expect(open).toHaveLength(170 + 2);
    expect(open.every((c) => c.priority === 'critical' && c.status !== 'closed')).toBe(true);
  });
});
