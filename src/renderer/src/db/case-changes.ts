import { Dexie, type IntervalTree, type IntervalTreeNode, RangeSet } from 'dexie';
import type { SaksbordDb } from './saksbord-db';

/**
 * Above this many changed cases at once, re-read everything instead of fetching each. Dexie
 * may report several sync pages in one event, and re-reading 50,000 cases for 3,000 changed
 * ones kept IndexedDB busy under the sync that was writing them.
 */
const MAX_INCREMENTAL = 20_000;

/** The single keys of a mutated-keys tree, or null when it holds real ranges (reload all). */
export function singleKeysOf(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  for (const node of RangeSet(tree) as Iterable<IntervalTreeNode>) {
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    keys.push(node.from);
    if (keys.length > MAX_INCREMENTAL) return null;
  }
  return keys;
}

/**
 * Calls `listener` after any write to one of `tables` in `db` (by this window or another one
 * on the same store, through Dexie's `storagemutated` event). Returns the unsubscribe function.
 */
export function onTablesChanged(
  db: SaksbordDb,
  tables: readonly string[],
  listener: () => void,
): () => void {
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const onMutated = (parts: Record<string, IntervalTree>) => {
    if (Object.keys(parts).some((key) => prefixes.some((p) => key.startsWith(p)))) listener();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}

export interface ChangeThrottle {
  /** Changes of at most this many cases are passed on at once (a local edit shows at once). */
  immediateUpTo: number;
  /**
   * Larger ones (sync pages) are gathered and passed on at most once per this many ms (a
   * function: a view whose update costs more with its size can ask for longer pauses).
   */
  bulkIntervalMs: number | (() => number);
}

/**
 * While a first sync writes a thousand cases a page, every view that re-read and re-drew on
 * each page kept the main thread busy (the app took six times as long as the engine alone).
 */
export const BULK_INTERVAL_MS = 1_000;
export const defaultChangeThrottle: ChangeThrottle = {
  immediateUpTo: 50,
  bulkIntervalMs: BULK_INTERVAL_MS,
};

/**
 * Calls `listener` with the ids of cases written or deleted in `db`, or with 'all' when too
 * many changed to list. For in-memory views that update case by case instead of re-reading a
 * table of tens of thousands of cases after every edit. Small changes arrive at once; bulk
 * ones are gathered (see `ChangeThrottle`). Returns the unsubscribe function.
 */
export function onCasesChanged(
  db: SaksbordDb,
  listener: (ids: string[] | 'all') => void,
  throttle: ChangeThrottle = defaultChangeThrottle,
): () => void {
  const prefix = `idb://${db.name}/cases/`;
  let gathered: Set<string> | 'all' | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastBulkAt = Number.NEGATIVE_INFINITY;

  const deliverGathered = () => {
    timer = null;
    const work = gathered;
    gathered = null;
    if (work === null) return;
    lastBulkAt = Date.now();
    listener(work === 'all' ? 'all' : [...work]);
  };
  const gather = (ids: string[] | 'all') => {
    if (ids === 'all' || gathered === 'all') gathered = 'all';
    else {
      gathered ??= new Set();
      for (const id of ids) gathered.add(id);
    }
    if (timer !== null) return;
    const interval =
      typeof throttle.bulkIntervalMs === 'number'
        ? throttle.bulkIntervalMs
        : throttle.bulkIntervalMs();
    const wait = Math.max(0, lastBulkAt + interval - Date.now());
    timer = setTimeout(deliverGathered, wait);
  };

  const onMutated = (parts: Record<string, IntervalTree>) => {
    const changed = parts[prefix];
    const deleted = parts[`${prefix}:dels`];
    if (!changed && !deleted) return;
    const keys = [changed, deleted].filter((t) => t !== undefined).map((t) => singleKeysOf(t!));
    // A put shows up both as written and as replaced: each id once.
    const ids = keys.some((k) => k === null) ? 'all' : [...new Set(keys.flat() as string[])];
    if (ids !== 'all' && ids.length <= throttle.immediateUpTo) listener(ids);
    else gather(ids);
  };
  Dexie.on('storagemutated', onMutated);
  return () => {
    if (timer !== null) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
