// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaksbordDb } from './saksbord-db';
import { freshDbPerTest } from './test-db';
import { useStoreQuery } from './use-store-query';

const store = freshDbPerTest('store-query');
let db: SaksbordDb;
beforeEach(() => {
  db = store();
});

/** The hook counting settings, its query taking `queryMs`; `runs()` says how often it ran. */
function countSettings(minIntervalMs: number, queryMs = 0) {
  let runs = 0;
  const hook = renderHook(() =>
    useStoreQuery(
      db,
      ['settings'],
      async () => {
        runs += 1;
        if (queryMs > 0) await new Promise((resolve) => setTimeout(resolve, queryMs));
        return db.settings.count();
      },
      [],
      minIntervalMs,
    ),
  );
  return { ...hook, runs: () => runs };
}

describe('useStoreQuery', () => {
  it('answers at mount, follows writes, and runs at most once per interval in a burst', async () => {
    const { result, unmount, runs } = countSettings(300);
    await waitFor(() => expect(result.current).toBe(0));
    expect(runs()).toBe(1);
    // Ten writes in quick succession: two more runs at most (one at once, one gathered).
    await act(async () => {
      for (let i = 0; i < 10; i++) await db.settings.put({ key: `k${i}`, value: i });
    });
    await waitFor(() => expect(result.current).toBe(10), { timeout: 2_000 });
    expect(runs()).toBeLessThanOrEqual(3);
    unmount();
  });

  it('waits longer between runs of a slow query while writes keep coming', async () => {
    const { result, unmount, runs } = countSettings(0, 100);
    await waitFor(() => expect(result.current).toBe(0));
    // A write every 50 ms for a second: back to back the query would run about ten times;
    // waiting four times its 100 ms, about twice.
    await act(async () => {
      for (let i = 0; i < 20; i++) {
        await db.settings.put({ key: `k${i}`, value: i });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await waitFor(() => expect(result.current).toBe(20), { timeout: 3_000 });
    expect(runs()).toBeLessThanOrEqual(5);
    unmount();
  });
});
