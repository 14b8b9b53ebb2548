/**
 * A short convergence run in the integration suite (the long one is
 * `npm run -s test:convergence`, see tests/convergence/README.md): real server processes
 * (SQLite; two on one PostgreSQL schema), three clients acting at once over HTTP and SSE
 * through the fault-injecting proxy, a partition and a SIGKILL + restart; every case
 * identical, every mutation decided once, no refusal the rules do not explain.
 */
import { describe, expect, it } from 'vitest';
import { runConvergence } from '../convergence/convergence';
import { postgresAvailable } from './helpers/engines';

describe('sync convergence under real faults (short run)', () => {
  it.each([
    { engine: 'sqlite' as const, seed: 11, available: true },
    { engine: 'postgresql' as const, seed: 12, available: postgresAvailable },
  ])(
    'converges on $engine with seed $seed',
    async ({ engine, seed, available }) => {
      if (!available) return;
      const result = await runConvergence({ clients: 3, seconds: 3, seed, engine });
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({
        converged: true,
        lost: 0,
        duplicated: 0,
        refusedWrongly: 0,
      });
      expect(result.mutations).toBeGreaterThan(5);
      expect(result.stats.kills).toBe(1);
      expect(result.stats.partitions).toBeGreaterThan(0);
      expect(result.stats.serverStarts).toBeGreaterThan(engine === 'sqlite' ? 1 : 2);
    },
    120_000,
  );
});
