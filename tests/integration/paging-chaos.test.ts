/**
 * A short seeded paging chaos run (tests/paging/chaos.ts): two server processes on
 * PostgreSQL, one SIGKILLed and restarted mid-run, real push service and SMS gateway.
 * Nothing the rules required may be lost, nothing sent twice.
 */
import { describe, expect, it } from 'vitest';
import { runPagingChaos, summaryLine } from '../paging/chaos';
import { postgresAvailable } from './helpers/engines';

describe.skipIf(!postgresAvailable)(
  'paging chaos run (PostgreSQL, two processes, one killed)',
  () => {
    it('loses and duplicates no page', { timeout: 240_000 }, async () => {
      const result = await runPagingChaos({ cases: 5, seed: 7 });
      expect(result.problems).toEqual([]);
      expect(summaryLine(result)).toMatch(
        /^paging: cases=5 paged=\d+ acknowledged=\d+ escalated=\d+ lost=0 duplicated=0$/,
      );
      expect(result.paged).toBeGreaterThan(0);
    });
  },
);
