import { Dexie, type IntervalTree, type IntervalTreeNode, RangeSet } from 'dexie';
import type { SaksbordDb } from './saksbord-db';

/** Above this many changed cases at once a full reload is cheaper than fetching each. */
const MAX_INCREMENTAL = 2_000;

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
 * Calls `listener` with the ids of cases written or deleted in `db` (by this window or another
 * one on the same store, through Dexie's `storagemutated` event), or with 'all' when too many
 * changed to list. For in-memory views that update case by case instead of re-reading a table
 * of tens of thousands of cases after every edit. Returns the unsubscribe function.
 */
export function onCasesChanged(
  db: SaksbordDb,
  listener: (ids: string[] | 'all') => void,
): () => void {
  const prefix = `idb://${db.name}/cases/`;
  const onMutated = (parts: Record<string, IntervalTree>) => {
    const changed = parts[prefix];
    const deleted = parts[`${prefix}:dels`];
    if (!changed && !deleted) return;
    const keys = [changed, deleted].filter((t) => t !== undefined).map((t) => singleKeysOf(t!));
    if (keys.some((k) => k === null)) listener('all');
    else listener(keys.flat() as string[]);
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
