import { describe, expect, it } from 'vitest';
import { slidingExpiry } from '../auth/session-store';
import { sessionIdleFromEnv, sessionTtlFromEnv } from '../server';
import { transportWarning } from './transport';

describe('transportWarning', () => {
  const cases: [string, boolean, boolean][] = [
    ['127.0.0.1', false, false],
    ['::1', false, false],
    ['localhost', false, false],
    ['0.0.0.0', false, true],
    ['::', false, true],
    ['10.0.0.5', false, true],
    ['0.0.0.0', true, false],
  ];
  it.each(cases)('%s (TLS %s): warns %s', (host, tls, warns) => {
    expect(transportWarning(host, tls) !== null).toBe(warns);
  });
});

describe('sessionTtlFromEnv', () => {
  const cases: [string | undefined, number | 'error'][] = [
    [undefined, 14 * 24 * 3600_000],
    ['', 14 * 24 * 3600_000],
    ['8', 8 * 3600_000],
    ['0', 'error'],
    ['to veker', 'error'],
  ];
  it.each(cases)('%s → %s', (hours, expected) => {
    if (expected === 'error')
      expect(() => sessionTtlFromEnv(hours)).toThrow(/SAKSBORD_SESSION_TTL_HOURS/);
    else expect(sessionTtlFromEnv(hours)).toBe(expected);
  });
});

describe('sessionIdleFromEnv', () => {
  const cases: [string | undefined, number | 'error'][] = [
    [undefined, 72 * 3600_000],
    ['', 72 * 3600_000],
    ['0', 0],
    ['12', 12 * 3600_000],
    ['-1', 'error'],
    ['ei veke', 'error'],
  ];
  it.each(cases)('%s → %s', (hours, expected) => {
    if (expected === 'error')
      expect(() => sessionIdleFromEnv(hours)).toThrow(/SAKSBORD_SESSION_IDLE_HOURS/);
    else expect(sessionIdleFromEnv(hours)).toBe(expected);
  });
});

describe('slidingExpiry: idle time from the last use, never past the lifetime', () => {
  const created = new Date('2026-11-30T08:00:00Z');
  const h = 3600_000;
  const cases: [string, number, number, number, string][] = [
    ['just signed in', 0, 14 * 24 * h, 72 * h, '2026-12-03T08:00:00.000Z'],
    ['used a day later', 24 * h, 14 * 24 * h, 72 * h, '2026-12-04T08:00:00.000Z'],
    ['near the end of its lifetime', 13 * 24 * h, 14 * 24 * h, 72 * h, '2026-12-14T08:00:00.000Z'],
    ['idle off: the lifetime alone', 24 * h, 14 * 24 * h, 0, '2026-12-14T08:00:00.000Z'],
  ];
  it.each(cases)('%s', (_name, usedAfter, ttlMs, idleMs, expected) => {
    const now = new Date(created.getTime() + usedAfter);
    expect(slidingExpiry(created, now, { ttlMs, idleMs }).toISOString()).toBe(expected);
  });
});
