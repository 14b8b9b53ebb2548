import { describe, expect, it } from 'vitest';
import { sessionTtlFromEnv } from '../server';
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
