import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { singleKeysOf } from './case-changes';

describe('mutated keys from Dexie events', () => {
  it('lists single keys', () => {
    const tree = new RangeSet().addKeys(['b', 'a', 'c']);
    expect(singleKeysOf(tree)?.sort()).toEqual(['a', 'b', 'c']);
  });
  it('asks for a full reload when a real range changed (e.g. a cleared table)', () => {
    expect(singleKeysOf(new RangeSet('a', 'z'))).toBeNull();
  });
  it('asks for a full reload past a few thousand keys', () => {
    const many = Array.from({ length: 2_500 }, (_, i) => `k${i}`);
    expect(singleKeysOf(new RangeSet().addKeys(many))).toBeNull();
  });
});
