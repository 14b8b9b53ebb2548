import type { CaseStatus } from '../../../../core/case/index';
import { BULK_INTERVAL_MS, defaultChangeThrottle, onCasesChanged } from '../../db/case-changes';
import { casesInStatuses } from '../../db/case-queries';
import type { LocalCase } from '../../db/local-records';
import type { SaksbordDb } from '../../db/saksbord-db';

/**
 * The board's cases kept in memory and updated case by case. A live query over the whole
 * table would read all 10,000 cases again after every edit (and hold IndexedDB while it
 * does, delaying the next write); instead this listens to Dexie's mutation events and
 * fetches only the cases that changed. `onChange` receives a new array each time.
 */
export function subscribeBoardCases(
  db: SaksbordDb,
  statuses: readonly CaseStatus[],
  onChange: (cases: LocalCase[]) => void,
): () => void {
  const shown = new Set<CaseStatus>(statuses);
  const byId = new Map<string, LocalCase>();
  let stopped = false;
  let pending: Set<string> | 'all' | null = null;
  let running = false;

  const loadAll = async () => {
    // One getAll per status (an index range each) is far faster than an anyOf cursor.
    const cases = await casesInStatuses(db, statuses);
    byId.clear();
    for (const c of cases) byId.set(c.id, c);
  };
  const loadSome = async (ids: string[]) => {
    const found = await db.cases.bulkGet(ids);
    ids.forEach((id, i) => {
      const c = found[i];
      if (c && shown.has(c.status)) byId.set(id, c);
      else byId.delete(id);
    });
  };
  const flush = async () => {
    if (running || stopped) return;
    running = true;
    while (pending !== null && !stopped) {
      const work = pending;
      pending = null;
      if (work === 'all') await loadAll();
      else await loadSome([...work]);
    }
    running = false;
    if (!stopped) onChange([...byId.values()]);
  };
  const request = (ids: string[] | 'all') => {
    if (ids === 'all' || pending === 'all') pending = 'all';
    else {
      pending ??= new Set();
      for (const id of ids) pending.add(id);
    }
    void flush();
  };

  // While a first sync pours in thousands of cases, each update re-sorts and redraws the
  // whole board: the more cases it holds, the longer the pause between bulk updates (a
  // second per 5,000 cases). A local edit (a few cases) still shows at once.
  const unsubscribe = onCasesChanged(db, request, {
    ...defaultChangeThrottle,
    bulkIntervalMs: () => Math.max(BULK_INTERVAL_MS, byId.size / 5),
  });
  request('all');
  return () => {
    stopped = true;
    unsubscribe();
  };
}
