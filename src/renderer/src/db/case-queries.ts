import { Dexie } from 'dexie';
import type { CaseStatus, Priority, SupportLine } from '../../../core/case/index';
import type { LocalCase } from './local-records';
import type { SaksbordDb } from './saksbord-db';

/**
 * Reads of the cases table through its one compound index `[status+line]` (a second index on
 * status alone would cost every write of every case; see schema version 3).
 */

/** Every case in one of `statuses`: one index range per status, read in parallel. */
export async function casesInStatuses(
  db: SaksbordDb,
  statuses: readonly CaseStatus[],
): Promise<LocalCase[]> {
  const lists = await Promise.all(
    statuses.map((status) =>
      db.cases
        .where('[status+line]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true)
        .toArray(),
    ),
  );
  return lists.flat();
}

/** Cases on one support line in one of `statuses`. */
export function casesOnLine(
  db: SaksbordDb,
  line: SupportLine,
  statuses: readonly CaseStatus[],
): Promise<LocalCase[]> {
  return db.cases
    .where('[status+line]')
    .anyOf(statuses.map((status) => [status, line]))
    .toArray();
}

/** The ids of every case in one of `statuses` (index keys only: no case is read). */
export async function caseIdsInStatuses(
  db: SaksbordDb,
  statuses: readonly CaseStatus[],
): Promise<string[]> {
  const lists = await Promise.all(
    statuses.map((status) =>
      db.cases
        .where('[status+line]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true)
        .primaryKeys(),
    ),
  );
  return lists.flat();
}

/**
 * Cases of one priority in one of `statuses`: the two index key sets are intersected first,
 * so only the matching cases are read (not every closed critical case of past years).
 */
export async function casesWithPriorityInStatuses(
  db: SaksbordDb,
  priority: Priority,
  statuses: readonly CaseStatus[],
): Promise<LocalCase[]> {
  const [withPriority, inStatuses] = await Promise.all([
    db.cases.where('priority').equals(priority).primaryKeys(),
    caseIdsInStatuses(db, statuses),
  ]);
  const wanted = new Set(inStatuses);
  const ids = withPriority.filter((id) => wanted.has(id));
  if (ids.length === 0) return [];
  return (await db.cases.bulkGet(ids)).filter((c) => c !== undefined);
}
