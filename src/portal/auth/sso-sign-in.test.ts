// @vitest-environment happy-dom
import { createApiClient } from '@web/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { municipalityKey, portalSso } from './sso-sign-in';

const kari = {
  id: 'u1',
  username: 'kari',
  displayName: 'Kari',
  role: 'requester',
  municipalityIds: ['molde'],
};
const molde = {
  id: 'molde',
  name: 'Molde kommune',
  providerId: 'molde',
  providerName: 'Molde kommune',
};

/** The server's answers by path. */
function serverAnswers(answers: Record<string, () => Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://portal.test').pathname;
      return answers[path]?.() ?? new Response(null, { status: 404 });
    }),
  );
}

function sso(go = vi.fn()) {
  const client = createApiClient({ baseUrl: '', getToken: () => null });
  return {
    go,
    sso: portalSso({
      publicApi: client,
      apiFor: () => client,
      accept: async (session) => (session.user.role === 'requester' ? null : 'notRequester'),
      go,
    }),
  };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/portal/');
});
afterEach(() => vi.unstubAllGlobals());

describe("the portal's 'Logg inn med kommunen din'", () => {
  it('lists municipalities by provider, remembers the pick, and goes to the provider', async () => {
    serverAnswers({
      '/api/v1/auth/providers': () =>
        Response.json({
          providers: [
            {
              id: 'molde',
              name: 'Molde kommune',
              municipalities: [{ id: 'molde', name: 'Molde kommune' }],
            },
          ],
        }),
      '/api/v1/auth/oidc/molde/start': () =>
        Response.json({ authorizationUrl: 'https://idp.example/authorize' }),
    });
    const { sso: portal, go } = sso();
    expect(await portal.municipalities()).toEqual([molde]);
    void portal.begin(molde);
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith('https://idp.example/authorize'));
    expect(localStorage.getItem(municipalityKey)).toBe('molde');
    expect(portal.remembered()).toBe('molde');
    expect(sessionStorage.getItem('saksbord.sso.verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each<[string, number, string]>([
    ['the provider does not answer', 503, 'ssoUnavailable'],
    ['something else went wrong', 500, 'failed'],
  ])('%s: says so and stays', async (_, status, failure) => {
    serverAnswers({
      '/api/v1/auth/oidc/molde/start': () =>
        Response.json({ type: 'about:blank', title: 'x', status, detail: 'x' }, { status }),
    });
    const { sso: portal, go } = sso();
    expect(await portal.begin(molde)).toBe(failure);
    expect(go).not.toHaveBeenCalled();
  });

  it.each<[string, string, unknown, object | null, string | null]>([
    [
      'a requester comes back signed in',
      'sso=code-1234567890123456789',
      { token: 't', expiresAt: '2026-12-14T09:00:00.000Z', user: kari, providerId: 'molde' },
      { token: 't' },
      null,
    ],
    [
      'staff are sent to the workstation',
      'sso=code-1234567890123456789',
      {
        token: 't',
        expiresAt: '2026-12-14T09:00:00.000Z',
        user: { ...kari, role: 'agent' },
        providerId: 'molde',
      },
      null,
      'notRequester',
    ],
    ['an unknown tenant', 'ssoError=unknownTenant', {}, null, 'ssoUnknownTenant'],
    ['a disabled account', 'ssoError=disabled', {}, null, 'ssoDisabled'],
  ])('%s', async (_, query, answer, session, failure) => {
    serverAnswers({ '/api/v1/auth/oidc/exchange': () => Response.json(answer) });
    sessionStorage.setItem('saksbord.sso.verifier', 'v'.repeat(43));
    history.replaceState(null, '', `/portal/?${query}`);
    const { sso: portal } = sso();
    const result = await portal.completeReturn();
    if (session) expect(result).toMatchObject(session);
    else expect(result).toBeNull();
    expect(portal.takeFailure()).toBe(failure);
    expect(location.search).toBe('');
  });
});
