// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaksbordDb } from './saksbord-db';
import { uniqueDbName } from './test-fixtures';
import { useStoreQuery } from './use-store-query';

let db: SaksbordDb;
beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('store-query'));
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('useStoreQuery', () => {
  it('answers at mount, follows writes, and runs at most once per interval in a burst', async () => {
    let runs = 0;
    const { result, unmount } = renderHook(() =>
      useStoreQuery(
        db,
        ['settings'],
        async () => {
          runs += 1;
          return db.settings.count();
        },
        [],
        300,
      ),
    );
    await waitFor(() => expect(result.current).toBe(0));
    expect(runs).toBe(1);
    // Ten writes in quick succession: two more runs at most (one at once, one gathered).
    await act(async () => {
      for (let i = 0; i < 10; i++) await db.settings.put({ key: `k${i}`, value: i });
    });
    await waitFor(() => expect(result.current).toBe(10), { timeout: 2_000 });
    expect(runs).toBeLessThanOrEqual(3);
    unmount();
  });
});
