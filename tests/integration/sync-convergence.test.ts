/**
 * A short convergence run in the integration suite (the long one is
 * `npm run -s test:convergence`): a few clients, random edits, offline spells, restarts and
 * lost requests, against the real server; every case identical, every mutation once.
 */
import { describe, expect, it } from 'vitest';
import { runConvergence } from '../convergence/convergence';

describe('sync convergence (short run)', () => {
  it.each([11, 12])('converges with seed %i', async (seed) => {
    const result = await runConvergence({ clients: 3, seconds: 3, seed, rounds: 40 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ converged: true, lost: 0, duplicated: 0 });
    expect(result.mutations).toBeGreaterThan(50);
    expect(result.stats.failedBefore! + result.stats.failedAfter!).toBeGreaterThan(0);
  });
});
