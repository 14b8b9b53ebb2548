import { describe, expect, it } from 'vitest';
import { type HeldReplica, replicaDecision } from './replica-epoch';

describe('a pull page under a newer replica epoch makes the client fetch again', () => {
  it.each<[string, HeldReplica, number | undefined, 'apply' | 'refetch']>([
    ['server before epochs', { cursor: 120, epoch: 3 }, undefined, 'apply'],
    ['first sync: nothing held yet', { cursor: 0 }, 4, 'apply'],
    ['same epoch', { cursor: 120, epoch: 2 }, 2, 'apply'],
    ['store from before epochs, server never corrected', { cursor: 120 }, 0, 'apply'],
    ['store from before epochs, server corrected once', { cursor: 120 }, 1, 'refetch'],
    ['server corrected since the last pull', { cursor: 120, epoch: 1 }, 2, 'refetch'],
    ['older epoch (a restored server): take it as it is', { cursor: 120, epoch: 3 }, 2, 'apply'],
  ])('%s → %s', (_what, held, pageEpoch, expected) => {
    expect(replicaDecision(held, pageEpoch)).toBe(expected);
  });
});
