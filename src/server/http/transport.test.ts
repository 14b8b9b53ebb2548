import { describe, expect, it } from 'vitest';
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
