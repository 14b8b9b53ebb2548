import type { CaseStatus } from '@core/case/index';
import { BULK_INTERVAL_MS, defaultChangeThrottle } from '../../db/case-changes';
import { mirrorCases } from '../../db/case-mirror';
import { casesInStatuses } from '../../db/case-queries';
import type { LocalCase } from '../../db/local-records';
import type { SaksbordDb } from '../../db/saksbord-db';

/**
 * The board's cases kept in memory and updated case by case (a mirror of the cases in
 * `statuses`, see case-mirror.ts). `onChange` receives a new array each time.
 */
export function subscribeBoardCases(
  db: SaksbordDb,
  statuses: readonly CaseStatus[],
  onChange: (cases: LocalCase[]) => void,
): () => void {
  const shown = new Set<CaseStatus>(statuses);
  const mirror = mirrorCases<LocalCase>(db, {
    async *loadAll() {
      // One getAll per status (an index range each) is far faster than an anyOf cursor.
      yield await casesInStatuses(db, statuses);
    },
    entryOf: (c) => (shown.has(c.status) ? c : null),
    onUpdated: () => onChange([...mirror.entries.values()]),
    // While a first sync pours in thousands of cases, each update re-sorts and redraws the
    // whole board: the more cases it holds, the longer the pause between bulk updates (a
    // second per 5,000 cases). A local edit (a few cases) still shows at once.
    throttle: (entries) => ({
      ...defaultChangeThrottle,
      bulkIntervalMs: () => Math.max(BULK_INTERVAL_MS, entries.size / 5),
    }),
  });
  return () => mirror.stop();
}
