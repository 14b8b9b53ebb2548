// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreSession } from './session-api';
import { completeWorkstationSso } from './sso-session';

const server = 'http://127.0.0.1:4300';
const now = new Date('2026-11-30T09:00:00Z');
const user = {
  id: 'u-per',
  username: 'per.molde',
  displayName: 'Per',
  role: 'agent',
  municipalityIds: [],
};

/** The server: the exchange answers `answer`, or nothing answers at all (offline). */
function serverAnswers(answer: unknown | 'offline') {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(String(url));
      if (answer === 'offline') throw new TypeError('Failed to fetch');
      return Response.json(answer);
    }),
  );
  return calls;
}

function returnFromProvider(query: string) {
  history.replaceState(null, '', `/?${query}`);
  sessionStorage.setItem('saksbord.sso.verifier', 'v'.repeat(43));
  sessionStorage.setItem('saksbord.sso.server', server);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('coming back to the workstation from the provider (web mode)', () => {
  it('trades the code for a session, kept so that it restores later without network', async () => {
    const calls = serverAnswers({
      token: 't1',
      expiresAt: '2026-12-14T09:00:00.000Z',
      user,
      providerId: 'molde',
    });
    returnFromProvider('sso=hand-off-code-123456789');
    const session = await completeWorkstationSso('pc-1', () => now);
    expect(session).toMatchObject({
      serverUrl: server,
      row: { token: 't1', user: { id: 'u-per', roles: ['agent'] } },
    });
    expect(calls).toEqual([`${server}/api/v1/auth/oidc/exchange`]);
    // The code is gone from the address, the verifier from the tab.
    expect(location.search).toBe('');
    expect(sessionStorage.getItem('saksbord.sso.verifier')).toBeNull();
    // Next start, offline: the same session, as after a password sign-in.
    serverAnswers('offline');
    expect(await restoreSession(now)).toMatchObject({ row: { token: 't1' } });
  });

  it.each<[string, string, unknown, string]>([
    ['the provider refused', 'ssoError=disabled', {}, 'disabled'],
    ['an unknown reason', 'ssoError=weird', {}, 'failed'],
    [
      'a requester is not let into the workstation',
      'sso=hand-off-code-123456789',
      {
        token: 't',
        expiresAt: '2026-12-14T09:00:00.000Z',
        user: { ...user, role: 'requester' },
        providerId: 'molde',
      },
      'notStaff',
    ],
  ])('%s', async (_, query, answer, expected) => {
    serverAnswers(answer);
    returnFromProvider(query);
    expect(await completeWorkstationSso('pc-1', () => now)).toBe(expected);
    expect(await restoreSession(now)).toBeNull();
  });

  it('is nothing on an ordinary page load', async () => {
    history.replaceState(null, '', '/');
    expect(await completeWorkstationSso('pc-1', () => now)).toBeNull();
  });
});
