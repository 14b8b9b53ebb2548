import { Dexie } from 'dexie';
import type { CaseStatus, SupportLine } from '../../../core/case/index';
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
