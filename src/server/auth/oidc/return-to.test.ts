import { describe, expect, it } from 'vitest';
import { allowedReturnTo, returnUrl } from './return-to';

const origin = 'https://saksbord.romsdal.no';

describe('where a sign-in may return to', () => {
  it.each<[string, string | null]>([
    ['/portal/', 'https://saksbord.romsdal.no/portal/'],
    ['/', 'https://saksbord.romsdal.no/'],
    ['/portal/#/cases', 'https://saksbord.romsdal.no/portal/#/cases'],
    ['http://127.0.0.1:51234/callback', 'http://127.0.0.1:51234/callback'],
    ['http://[::1]:51234/cb', 'http://[::1]:51234/cb'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['https://saksbord.romsdal.no/portal/', null],
    ['http://127.0.0.1/callback', null],
    ['http://localhost:5555/cb', null],
    ['https://127.0.0.1:5555/cb', null],
    ['http://user:pw@127.0.0.1:5555/cb', null],
    ['http://127.0.0.1.evil.example:5555/cb', null],
    ['javascript:alert(1)', null],
    ['/portal/\n', null],
    ['portal', null],
  ])('%s', (value, expected) => {
    expect(allowedReturnTo(value, origin)?.toString() ?? null).toBe(expected);
  });

  it('adds the outcome before the fragment', () => {
    expect(returnUrl('https://s.no/portal/#/x', { sso: 'abc', state: null })).toBe(
      'https://s.no/portal/?sso=abc#/x',
    );
  });
});
