import { describe, expect, it } from 'vitest';
import { serverAddress } from './server-address';

describe('serverAddress: https unless the server is this machine', () => {
  const cases: [string, boolean, ReturnType<typeof serverAddress>][] = [
    ['saksbord.example.no', false, { ok: true, url: 'https://saksbord.example.no' }],
    ['saksbord.example.no:8443/', false, { ok: true, url: 'https://saksbord.example.no:8443' }],
    ['https://saksbord.example.no', false, { ok: true, url: 'https://saksbord.example.no' }],
    ['127.0.0.1:4300', false, { ok: true, url: 'http://127.0.0.1:4300' }],
    ['localhost:4300', false, { ok: true, url: 'http://localhost:4300' }],
    ['http://[::1]:4300', false, { ok: true, url: 'http://[::1]:4300' }],
    [
      'http://saksbord.example.no',
      false,
      { ok: false, reason: 'insecure', url: 'http://saksbord.example.no' },
    ],
    ['http://10.0.0.5:4300', true, { ok: true, url: 'http://10.0.0.5:4300' }],
    [
      'ftp://saksbord.example.no',
      false,
      { ok: false, reason: 'invalid', url: 'ftp://saksbord.example.no' },
    ],
    ['  ', false, { ok: false, reason: 'invalid', url: '' }],
  ];
  it.each(cases)('%s (allow http: %s)', (input, allow, expected) => {
    expect(serverAddress(input, { allowInsecureHttp: allow })).toEqual(expected);
  });
});
