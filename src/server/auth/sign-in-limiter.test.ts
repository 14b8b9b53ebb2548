import { describe, expect, it } from 'vitest';
import { backoffMs, clientAddressOf, defaultSignInLimits } from './sign-in-limiter';

describe('backoffMs: progressive, never a lock for the whole window', () => {
  const now = 1_000_000;
  const cases: [string, number, number | null, number][] = [
    ['under the budget', 4, now, 0],
    ['at the budget, just failed: 1 s', 5, now, 1_000],
    ['at the budget, failed 1 s ago: may try', 5, now - 1_000, 0],
    ['one over: 2 s', 6, now, 2_000],
    ['five over: 32 s', 10, now, 32_000],
    ['far over: capped at 15 min', 40, now, 15 * 60_000],
    ['far over, the cap has passed: may try', 40, now - 15 * 60_000, 0],
  ];
  it.each(cases)('%s', (_name, failures, latest, wait) => {
    expect(backoffMs(failures, 5, latest, now, defaultSignInLimits)).toBe(wait);
  });
});

describe('clientAddressOf: X-Forwarded-For only from a trusted proxy', () => {
  const cases: [string, string | undefined, string | undefined, string[], string][] = [
    [
      'no proxy configured: the peer, whatever the header says',
      '203.0.113.9',
      '1.2.3.4',
      [],
      '203.0.113.9',
    ],
    [
      'a trusted proxy: the client it names',
      '10.0.0.2',
      '198.51.100.7',
      ['10.0.0.2'],
      '198.51.100.7',
    ],
    [
      'a forged entry before the real client is ignored',
      '10.0.0.2',
      '6.6.6.6, 198.51.100.7',
      ['10.0.0.2'],
      '198.51.100.7',
    ],
    [
      'two trusted hops: the first untrusted from the right',
      '10.0.0.2',
      '198.51.100.7, 10.0.0.3',
      ['10.0.0.2', '10.0.0.3'],
      '198.51.100.7',
    ],
    [
      'an untrusted peer cannot claim another address',
      '198.51.100.7',
      '10.9.9.9',
      ['10.0.0.2'],
      '198.51.100.7',
    ],
    [
      'IPv4-mapped IPv6 peers match',
      '::ffff:10.0.0.2',
      '198.51.100.7',
      ['10.0.0.2'],
      '198.51.100.7',
    ],
    ['no socket (in process)', undefined, undefined, [], 'unknown'],
  ];
  it.each(cases)('%s', (_name, peer, header, trusted, expected) => {
    expect(clientAddressOf(peer, header, trusted)).toBe(expected);
  });
});
