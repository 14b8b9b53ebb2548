import { type DependencyList, useEffect, useState } from 'react';
import { onTablesChanged } from './case-changes';
import type { SaksbordDb } from './saksbord-db';

/** While writes keep coming, a query waits this many times its own last duration. */
export const QUERY_COST_FACTOR = 4;

/**
 * Like Dexie's `useLiveQuery`, for queries that read thousands of rows (the SLA board reads
 * every case of the last month): the query runs at mount, and again after writes to `tables`
 * — at once after a quiet spell, but while writes keep coming (a sync writes a page of a
 * thousand cases every few hundred milliseconds) at most once per `minIntervalMs`, or per
 * `QUERY_COST_FACTOR` times the last run's duration if that is longer, so a query that grows
 * slow with the store never takes more than a fraction of the time. `undefined` means "still
 * loading".
 */
export function useStoreQuery<T>(
  db: SaksbordDb,
  tables: readonly string[],
  querier: () => Promise<T>,
  deps: DependencyList,
  minIntervalMs = 1_000,
): T | undefined {
  const [value, setValue] = useState<{ value: T } | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide, as in useLiveQuery
  useEffect(() => {
    let stopped = false;
    let running = false;
    let again = false;
    let lastRunAt = Number.NEGATIVE_INFINITY;
    let lastDurationMs = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      lastRunAt = Date.now();
      try {
        const result = await querier();
        lastDurationMs = Date.now() - lastRunAt;
        if (!stopped) setValue({ value: result });
      } catch (error) {
        console.error('Saksbord: a store query failed', error);
      } finally {
        running = false;
      }
      if (again && !stopped) {
        again = false;
        schedule();
      }
    };
    const schedule = () => {
      if (timer !== null || stopped) return;
      const interval = Math.max(minIntervalMs, QUERY_COST_FACTOR * lastDurationMs);
      const wait = Math.max(0, lastRunAt + interval - Date.now());
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, wait);
    };
    const unsubscribe = onTablesChanged(db, tables, schedule);
    void run();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [db, minIntervalMs, ...tables, ...deps]);
  return value?.value;
}
