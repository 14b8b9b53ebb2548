import type { CaseStatus, Priority, SupportLine } from '@core/case/index';
import { Dexie } from 'dexie';
import type { LocalCase } from './local-records';
import type { SaksbordDb } from './saksbord-db';

/**
 * Reads of the cases table through its one compound index `[status+line]` (a second index on
 * status alone would cost every write of every case; see schema version 3).
 */

/** The cases of one status, on every line: one range of the compound index. */
function withStatus(db: SaksbordDb, status: CaseStatus) {
  return db.cases
    .where('[status+line]')
    .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true);
}

/** Every case in one of `statuses`: one index range per status, read in parallel. */
export async function casesInStatuses(
  db: SaksbordDb,
  statuses: readonly CaseStatus[],
): Promise<LocalCase[]> {
  const lists = await Promise.all(statuses.map((s) => withStatus(db, s).toArray()));
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
  const lists = await Promise.all(statuses.map((s) => withStatus(db, s).primaryKeys()));
  return lists.flat();
}

/** Up to this many cases of a priority are read and sorted out in memory. */
const READ_PRIORITY_DIRECTLY_UP_TO = 500;

/**
 * Cases of one priority in one of `statuses` (open critical cases, for the alerts; it runs
 * after every sync page). Critical cases are few: they are read and the statuses checked
 * here. When there are many, the two index key sets are intersected first, so only the
 * matching cases are read — never the keys of every case for a priority nobody has.
 */
export async function casesWithPriorityInStatuses(
  db: SaksbordDb,
  priority: Priority,
  statuses: readonly CaseStatus[],
): Promise<LocalCase[]> {
  const withPriority = await db.cases.where('priority').equals(priority).primaryKeys();
  if (withPriority.length === 0) return [];
  const wanted = new Set<CaseStatus>(statuses);
  if (withPriority.length <= READ_PRIORITY_DIRECTLY_UP_TO) {
    const found = await db.cases.bulkGet(withPriority);
    return found.filter((c): c is LocalCase => c !== undefined && wanted.has(c.status));
  }
  const inStatuses = new Set(await caseIdsInStatuses(db, statuses));
  const ids = withPriority.filter((id) => inStatuses.has(id));
  if (ids.length === 0) return [];
  return (await db.cases.bulkGet(ids)).filter((c) => c !== undefined);
}
