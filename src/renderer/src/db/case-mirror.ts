import { type ChangeThrottle, defaultChangeThrottle, onCasesChanged } from './case-changes';
import type { LocalCase } from './local-records';
import type { SaksbordDb } from './saksbord-db';

/**
 * Cases (or what a view keeps of each) held in memory and kept current case by case: a live
 * query over the whole table would read tens of thousands of cases again after every edit
 * (and hold IndexedDB while it does, delaying the next write). Loaded whole at the start and
 * when too many changed to list; otherwise only the changed cases are read again. The board
 * and the case search index are mirrors.
 */
export interface CaseMirror<T> {
  /** What is held, by case id (entries of cases `entryOf` leaves out are absent). */
  readonly entries: ReadonlyMap<string, T>;
  /** Resolves once the first whole load is done. */
  readonly ready: Promise<void>;
  stop(): void;
}

export interface CaseMirrorOptions<T> {
  /** Every case to hold, in one or more pages (a view may read a subset, or page through). */
  loadAll: () => AsyncIterable<readonly LocalCase[]>;
  /** What to hold of a case, or null to leave it out. */
  entryOf: (c: LocalCase) => T | null;
  /**
   * Once whenever the changes waiting have all been read (a burst of them makes one update,
   * not one each), and during a whole load of several pages as each next page arrives (so a
   * long load shows as it goes).
   */
  onUpdated: () => void;
  /** How bulk changes are gathered; given what is held, for pauses that grow with it. */
  throttle?: (entries: ReadonlyMap<string, T>) => ChangeThrottle;
}

export function mirrorCases<T>(db: SaksbordDb, options: CaseMirrorOptions<T>): CaseMirror<T> {
  const entries = new Map<string, T>();
  let stopped = false;
  let pending: Set<string> | 'all' | null = null;
  let running: Promise<void> | null = null;

  const hold = (c: LocalCase) => {
    const entry = options.entryOf(c);
    if (entry === null) entries.delete(c.id);
    else entries.set(c.id, entry);
  };

  async function loadAll(): Promise<void> {
    const seen = new Set<string>();
    let earlierPages = false;
    for await (const page of options.loadAll()) {
      if (stopped) return;
      // The pages so far show while this one is read; the last shows when the drain ends.
      if (earlierPages) options.onUpdated();
      for (const c of page) {
        hold(c);
        seen.add(c.id);
      }
      earlierPages = true;
    }
    for (const id of entries.keys()) if (!seen.has(id)) entries.delete(id);
  }

  async function loadSome(ids: string[]): Promise<void> {
    const found = await db.cases.bulkGet(ids);
    if (stopped) return;
    ids.forEach((id, i) => {
      const c = found[i];
      if (c) hold(c);
      else entries.delete(id);
    });
  }

  async function drain(): Promise<void> {
    while (pending !== null && !stopped) {
      const work = pending;
      pending = null;
      if (work === 'all') await loadAll();
      else await loadSome([...work]);
    }
    running = null;
    if (!stopped) options.onUpdated();
  }

  function request(ids: string[] | 'all'): Promise<void> {
    if (ids === 'all' || pending === 'all') pending = 'all';
    else {
      pending ??= new Set();
      for (const id of ids) pending.add(id);
    }
    running ??= drain();
    return running;
  }

  const unsubscribe = onCasesChanged(
    db,
    (ids) => void request(ids),
    options.throttle?.(entries) ?? defaultChangeThrottle,
  );
  return {
    entries,
    ready: request('all'),
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
