import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelayMs } from './retry-policy';

const policy = { baseMs: 30_000, maxMs: 30 * 60_000 };
const now = new Date('2026-11-30T12:00:00Z');

describe('retry backoff', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [6, 960_000],
    [7, 1_800_000],
    [50, 1_800_000],
  ])('after %i failed attempts waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts, policy)).toBe(ms);
  });

  it.each<[string, number, string, boolean, unknown]>([
    [
      'temporary: again after the backoff',
      2,
      '2026-12-02T12:00:00Z',
      false,
      { action: 'retry', nextAttemptAt: '2026-11-30T12:01:00.000Z' },
    ],
    ['permanent: given up at once', 1, '2026-12-02T12:00:00Z', true, { action: 'giveUp' }],
    [
      'the next try would fall after the give-up time',
      3,
      '2026-11-30T12:01:00Z',
      false,
      { action: 'giveUp' },
    ],
    [
      'exactly at the give-up time: one more try',
      1,
      '2026-11-30T12:00:30Z',
      false,
      { action: 'retry', nextAttemptAt: '2026-11-30T12:00:30.000Z' },
    ],
  ])('%s', (_name, attempts, giveUpAt, permanent, decision) => {
    expect(afterFailure(now, attempts, giveUpAt, permanent, policy)).toEqual(decision);
  });
});
