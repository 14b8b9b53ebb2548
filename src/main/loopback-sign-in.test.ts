import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signInWithProvider } from './loopback-sign-in';

const session = {
  token: 't',
  expiresAt: '2026-12-01T08:00:00.000Z',
  user: { id: 'u1', username: 'per', displayName: 'Per', role: 'agent', municipalityIds: [] },
  providerId: 'molde',
};

interface Scenario {
  startStatus?: number;
  /** What the browser does with the loopback address and our state. */
  browser: (returnTo: string, state: string) => Promise<void>;
  exchangeStatus?: number;
  timeoutMs?: number;
}

/** A stand-in Saksbord server (fetch) and system browser (openExternal). */
function run(scenario: Scenario) {
  let started: { returnTo: string; codeChallenge: string; appState: string } | undefined;
  const opened: string[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    if (url.endsWith('/api/v1/auth/oidc/molde/start')) {
      started = body;
      return new Response(
        JSON.stringify({ authorizationUrl: 'https://idp.example/authorize?x=1' }),
        {
          status: scenario.startStatus ?? 200,
        },
      );
    }
    if (url.endsWith('/api/v1/auth/oidc/exchange')) {
      const s256 = createHash('sha256').update(body.codeVerifier).digest('base64url');
      const ok = body.handoff === 'code-1' && s256 === started?.codeChallenge;
      return new Response(JSON.stringify(ok ? session : {}), {
        status: ok ? (scenario.exchangeStatus ?? 200) : 401,
      });
    }
    return new Response(null, { status: 404 });
  }) as typeof fetch;
  return {
    opened,
    started: () => started,
    result: signInWithProvider(
      { serverUrl: 'https://saksbord.example/', providerId: 'molde', deviceId: 'pc-1' },
      {
        fetch: fakeFetch,
        timeoutMs: scenario.timeoutMs ?? 10_000,
        openExternal: async (url) => {
          opened.push(url);
          void scenario.browser(started!.returnTo, started!.appState);
        },
      },
    ),
  };
}

const back = (returnTo: string, query: string) => fetch(`${returnTo}?${query}`);

describe('desktop sign-in through the system browser and a loopback port (RFC 8252)', () => {
  it.each<[string, Scenario, object]>([
    [
      'signed in: the code and the verifier make a session',
      { browser: (r, s) => back(r, `sso=code-1&state=${s}`).then(() => {}) },
      { ok: true, session: { token: 't', providerId: 'molde' } },
    ],
    [
      'the provider refused: its reason',
      { browser: (r, s) => back(r, `ssoError=disabled&state=${s}`).then(() => {}) },
      { ok: false, reason: 'disabled' },
    ],
    [
      'a visit without our state is ignored (then the real one counts)',
      {
        browser: async (r, s) => {
          expect((await back(r, 'sso=code-1&state=forged')).status).toBe(404);
          await back(r, `sso=code-1&state=${s}`);
        },
      },
      { ok: true },
    ],
    [
      'nobody comes back: expired',
      { browser: async () => {}, timeoutMs: 50 },
      { ok: false, reason: 'expired' },
    ],
    [
      'the provider does not answer the server: unavailable',
      { startStatus: 503, browser: async () => {} },
      { ok: false, reason: 'unavailable' },
    ],
    [
      'a wrong code: failed',
      { browser: (r, s) => back(r, `sso=code-2&state=${s}`).then(() => {}) },
      { ok: false, reason: 'failed' },
    ],
  ])('%s', async (_, scenario, expected) => {
    const attempt = run(scenario);
    expect(await attempt.result).toMatchObject(expected);
    const started = attempt.started();
    // A loopback IP literal with a port, never "localhost"; PKCE S256; a fresh state.
    expect(started?.returnTo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(started?.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started?.appState.length).toBeGreaterThanOrEqual(16);
    if (scenario.startStatus !== 503)
      expect(attempt.opened).toEqual(['https://idp.example/authorize?x=1']);
  });

  it('closes the loopback port afterwards', async () => {
    const attempt = run({ browser: (r, s) => back(r, `sso=code-1&state=${s}`).then(() => {}) });
    await attempt.result;
    await expect(fetch(`${attempt.started()!.returnTo}?sso=x`)).rejects.toThrow();
  });
});
