import { RangeSet } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onCasesChanged, onTablesChanged, singleKeysOf } from './case-changes';
import { rebuildLocalCase } from './case-rebase';
import type { SaksbordDb } from './saksbord-db';
import { freshDbPerTest } from './test-db';
import { serverCase } from './test-fixtures';

describe('mutated keys from Dexie events', () => {
  it('lists single keys', () => {
    const tree = new RangeSet().addKeys(['b', 'a', 'c']);
    expect(singleKeysOf(tree)?.sort()).toEqual(['a', 'b', 'c']);
  });
  it('asks for a full reload when a real range changed (e.g. a cleared table)', () => {
    expect(singleKeysOf(new RangeSet('a', 'z'))).toBeNull();
  });
  it('asks for a full reload past twenty thousand keys', () => {
    const many = Array.from({ length: 20_001 }, (_, i) => `k${i}`);
    expect(singleKeysOf(new RangeSet().addKeys(many))).toBeNull();
  });
});

describe('listening to the store', () => {
  const store = freshDbPerTest('changes');
  let db: SaksbordDb;
  let next = 0;
  const cases = (n: number) =>
    Array.from({ length: n }, () => {
      next += 1;
      const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
      return rebuildLocalCase(id, serverCase({ id }), [])!;
    });
  beforeEach(() => {
    db = store();
  });

  it('passes a small change on at once and gathers a burst of bulk writes', async () => {
    const calls: Array<string[] | 'all'> = [];
    const off = onCasesChanged(db, (ids) => calls.push(ids), {
      immediateUpTo: 2,
      bulkIntervalMs: 300,
    });
    await db.cases.put(cases(1)[0]!);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toHaveLength(1);
    // Three sync-sized pages in a row: the first after a quiet spell goes at once, the next
    // two are gathered into one call.
    for (let page = 0; page < 3; page++) await db.cases.bulkPut(cases(5));
    await vi.waitFor(() => expect(calls.flat()).toHaveLength(16));
    expect(calls.length).toBeLessThanOrEqual(3);
    off();
  });

  it('tells of writes to the tables asked for only', async () => {
    const listener = vi.fn();
    const off = onTablesChanged(db, ['eventChunks'], listener);
    await db.cases.bulkPut(cases(2));
    await db.settings.put({ key: 'x', value: 1 });
    expect(listener).not.toHaveBeenCalled();
    await db.eventChunks.add({ kind: 'case', caseIds: ['a'], lastAt: '2026-11-24', events: [] });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    off();
  });
});
