/**
 * Issue 12: single sign-on through a real OpenID provider (oidc-provider, in process on
 * loopback, with its own login pages), the whole code flow and every refusal: wrong state,
 * replayed callback, wrong audience, bad signature, expired token, wrong nonce, unknown
 * tenant, disabled user; groups → role at every sign-in; a provider that does not answer.
 * Tampered tokens are made by rewriting the provider's token answer on its way out (re-signed
 * with the provider's own key where only one claim should be wrong).
 */
import { createHash, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceConfigInput } from '@core/config';
import { defaultServiceConfig, serviceConfigSchema } from '@core/config';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { listAudit } from '../../src/server/audit/audit-log';
import { runCli } from '../../src/server/cli';
import {
  type DemoOidcUser,
  type RunningOidcProvider,
  startOidcProvider,
} from '../../src/server/demo/demo-oidc-provider';
import { closeServerContext, createServerContext } from '../../src/server/server';
import type { ServerContext } from '../../src/server/server-context';
import { createUser, findUserByUsername, setDisabled } from '../../src/server/users/user-store';
import { engines } from './helpers/engines';
import { type Call, caller } from './helpers/test-server';

const origin = 'http://saksbord.test';
const secretEnv = 'SAKSBORD_TEST_OIDC_SECRET';
const secret = randomBytes(16).toString('hex');
process.env[secretEnv] = secret;

const groups = { agents: 'g-agents', admins: 'g-admins' };
const people: DemoOidcUser[] = [
  { login: 'kari', name: 'Kari Nordmann', email: 'Kari@molde.example', groups: [] },
  { login: 'per', name: 'Per Agent', email: 'per@molde.example', groups: [groups.agents] },
  { login: 'siv', name: 'Siv Aukra', email: 'siv@aukra.example', groups: [], tid: 't-aukra' },
  { login: 'ola', name: 'Ola Oslo', email: 'ola@oslo.example', groups: [], tid: 't-oslo' },
  { login: 'lise', name: 'Lise Provisioned', email: 'lise@molde.example', groups: [] },
];

let provider: RunningOidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider({
    users: people,
    clients: ['molde', 'romsdal'].map((id) => ({
      clientId: `saksbord-${id}`,
      clientSecret: secret,
      redirectUris: [`${origin}/api/v1/auth/oidc/${id}/callback`],
      postLogoutRedirectUris: [`${origin}/portal/`],
    })),
  });
});
afterAll(async () => {
  await provider?.close();
});

function configWith(issuer: string): ServiceConfigInput {
  const base = { clientSecretEnv: secretEnv, issuer };
  return {
    ...defaultServiceConfig,
    identityProviders: [
      {
        ...base,
        id: 'molde',
        name: 'Molde kommune',
        clientId: 'saksbord-molde',
        municipalities: ['molde'],
        roles: { claim: 'groups', map: { [groups.agents]: 'agent', [groups.admins]: 'admin' } },
      },
      {
        ...base,
        id: 'romsdal',
        name: 'Romsdal',
        clientId: 'saksbord-romsdal',
        municipalities: ['aukra', 'hustadvika'],
        tenant: { claim: 'tid', map: { 't-aukra': 'aukra', 't-hustadvika': 'hustadvika' } },
      },
      {
        ...base,
        id: 'nede',
        name: 'Nede kommune',
        // Nothing listens here: a provider that does not answer.
        issuer: 'http://127.0.0.1:9',
        clientId: 'x',
        municipalities: ['rauma'],
      },
    ],
  };
}

/** A browser at the provider: follows its redirects, keeps its cookies, fills its login form. */
async function loginAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await go(url);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin === origin) return next;
      url = next.toString();
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !html.includes('name="login"')) {
      throw new Error(`no login form at ${url}: ${res.status} ${html.slice(0, 200)}`);
    }
    const posted = await go(new URL(action, url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'demo' }).toString(),
    });
    url = new URL(posted.headers.get('location')!, url).toString();
  }
  throw new Error('too many redirects at the provider');
}

const b64 = (data: unknown) => Buffer.from(JSON.stringify(data)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());

/** The ID token with some claims changed, signed again with the provider's own key. */
function resigned(idToken: string, changes: Record<string, unknown>): string {
  const [header, payload] = idToken.split('.') as [string, string];
  const body = `${header}.${b64({ ...decode(payload), ...changes })}`;
  const signature = sign('RSA-SHA256', Buffer.from(body), provider.signingKey.key);
  return `${body}.${signature.toString('base64url')}`;
}

describe.each(engines)('single sign-on on $name', (engine) => {
  let ctx: ServerContext;
  let call: Call;
  const test = it.skipIf(!engine.available);

  beforeAll(async () => {
    if (!engine.available) return;
    ctx = await createServerContext({
      ...engine.freshLocation(),
      config: serviceConfigSchema.parse(configWith(provider.issuer)),
      options: { staticDir: null, validateResponses: true },
    });
    const app = createApp(ctx);
    call = caller((req) => app.request(req), origin);
  });
  afterAll(async () => {
    if (ctx) await closeServerContext(ctx);
    provider?.setTokenAnswerFilter(null);
  });

  /** Steps 1 and 2: start, sign in at the provider, come back through the callback. */
  async function signInAt(providerId: string, login: string, extra: object = {}) {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const started = await call('POST', `/api/v1/auth/oidc/${providerId}/start`, {
      body: { returnTo: '/portal/', codeChallenge: challenge, ...extra },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const callback = await loginAtProvider(started.body.authorizationUrl, login);
    const back = await call('GET', `${callback.pathname}${callback.search}`);
    return {
      verifier,
      callback,
      back,
      location: new URL(back.headers.get('location') ?? '', origin),
    };
  }

  /** All three steps: a session for `login`. */
  async function fullSignIn(providerId: string, login: string) {
    const { verifier, location } = await signInAt(providerId, login);
    const handoff = location.searchParams.get('sso');
    expect(handoff, location.toString()).toBeTruthy();
    return call('POST', '/api/v1/auth/oidc/exchange', {
      body: { handoff, codeVerifier: verifier, deviceId: 'portal' },
    });
  }

  test('lists the providers with the municipalities each covers', async () => {
    const res = await call('GET', '/api/v1/auth/providers');
    expect(res.body.providers[1]).toEqual({
      id: 'romsdal',
      name: 'Romsdal',
      municipalities: [
        { id: 'aukra', name: 'Aukra kommune' },
        { id: 'hustadvika', name: 'Hustadvika kommune' },
      ],
    });
  });

  test('the code flow: the first sign-in makes a requester, the session works, all audited', async () => {
    const { verifier, back, location } = await signInAt('molde', 'kari');
    expect(back.status).toBe(302);
    expect(location.pathname).toBe('/portal/');
    const handoff = location.searchParams.get('sso')!;
    // A wrong verifier is refused and spends the code.
    const wrong = await call('POST', '/api/v1/auth/oidc/exchange', {
      body: { handoff, codeVerifier: randomBytes(32).toString('base64url') },
    });
    expect(wrong.status).toBe(401);
    const again = await call('POST', '/api/v1/auth/oidc/exchange', {
      body: { handoff, codeVerifier: verifier },
    });
    expect(again.status).toBe(401);

    const res = await fullSignIn('molde', 'kari');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      providerId: 'molde',
      user: {
        username: 'kari',
        displayName: 'Kari Nordmann',
        role: 'requester',
        municipalityIds: ['molde'],
      },
    });
    const me = await call('GET', '/api/v1/auth/me', { token: res.body.token });
    expect(me.body.user.id).toBe(res.body.user.id);
    const row = await findUserByUsername(ctx.db, 'kari');
    expect(row).toMatchObject({
      source: 'oidc',
      provider_id: 'molde',
      external_id: 'kari',
      email: 'kari@molde.example',
      password_hash: '',
    });
    // No password to sign in with.
    const password = await call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'kari', password: 'anything' },
    });
    expect(password.status).toBe(401);
    const audit = await listAudit(ctx.db, { targetId: res.body.user.id });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'signIn.oidc',
      'signIn.oidc',
      'user.create',
    ]);
  });

  test('an account SCIM made before the first sign-in is taken over, and its disabling holds', async () => {
    const provisioned = await createUser(
      ctx.db,
      {
        username: 'lise',
        displayName: 'Lise Provisioned',
        role: 'requester',
        municipalityIds: ['molde'],
        password: '',
        source: 'scim',
        providerId: 'molde',
      },
      new Date(),
    );
    const res = await fullSignIn('molde', 'lise');
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(provisioned.id);
    expect(await findUserByUsername(ctx.db, 'lise')).toMatchObject({
      source: 'scim',
      external_id: 'lise',
    });
    await setDisabled(ctx.db, 'lise', true);
    const { location } = await signInAt('molde', 'lise');
    expect(location.searchParams.get('ssoError')).toBe('disabled');
  });

  test('groups make the role at every sign-in; out of the group, a requester next time', async () => {
    const first = await fullSignIn('molde', 'per');
    expect(first.body.user).toMatchObject({ role: 'agent', municipalityIds: [] });
    provider.setUsers(people.map((p) => (p.login === 'per' ? { ...p, groups: ['other'] } : p)));
    try {
      const second = await fullSignIn('molde', 'per');
      expect(second.body.user).toMatchObject({
        id: first.body.user.id,
        role: 'requester',
        municipalityIds: ['molde'],
      });
    } finally {
      provider.setUsers(people);
    }
    const [change] = await listAudit(ctx.db, {
      targetId: first.body.user.id,
      action: 'user.update',
    });
    expect(change?.summary).toContain('from agent to requester');
  });

  test('a shared tenant: the tid claim says the municipality; an unknown tenant is refused', async () => {
    const siv = await fullSignIn('romsdal', 'siv');
    expect(siv.body.user).toMatchObject({ role: 'requester', municipalityIds: ['aukra'] });
    const ola = await signInAt('romsdal', 'ola');
    expect(ola.location.searchParams.get('ssoError')).toBe('unknownTenant');
    expect(await findUserByUsername(ctx.db, 'ola')).toBeUndefined();
    const [refusal] = await listAudit(ctx.db, { action: 'signIn.refused', targetId: 'romsdal' });
    expect(refusal?.details).toMatchObject({ reason: 'unknownTenant', value: 't-oslo' });
  });

  test('wrong state and a replayed callback are refused', async () => {
    const unknown = await call('GET', '/api/v1/auth/oidc/molde/callback?code=abc&state=nope');
    expect(unknown.status).toBe(400);
    const none = await call('GET', '/api/v1/auth/oidc/molde/callback?code=abc');
    expect(none.status).toBe(400);
    const { callback, location } = await signInAt('molde', 'kari');
    expect(location.searchParams.get('sso')).toBeTruthy();
    const replay = await call('GET', `${callback.pathname}${callback.search}`);
    expect(replay.status).toBe(400);
    // The state of one provider is no good at another's callback.
    const other = await call('GET', `/api/v1/auth/oidc/romsdal/callback${callback.search}`);
    expect(other.status).toBe(400);
  });

  test.each<[string, (token: string) => string]>([
    [
      'bad signature',
      (t) => {
        const [h, p, s] = t.split('.');
        return `${h}.${b64({ ...decode(p!), name: 'Mallory' })}.${s}`;
      },
    ],
    ['wrong audience', (t) => resigned(t, { aud: 'someone-else' })],
    [
      'expired',
      (t) =>
        resigned(t, {
          exp: Math.floor(Date.now() / 1000) - 3600,
          iat: Math.floor(Date.now() / 1000) - 7200,
        }),
    ],
    ['wrong nonce', (t) => resigned(t, { nonce: 'not-the-one' })],
    ['wrong issuer', (t) => resigned(t, { iss: 'https://evil.example' })],
  ])('a tampered ID token (%s) is refused and logged without the token', async (_, tamper) => {
    let sent = '';
    provider.setTokenAnswerFilter((answer) => {
      sent = tamper(String(answer.id_token));
      return { ...answer, id_token: sent };
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { location } = await signInAt('molde', 'kari');
      expect(location.searchParams.get('ssoError')).toBe('invalidResponse');
      const logged = warn.mock.calls.map((args) => args.join(' ')).join('\n');
      expect(logged).toContain('refused (invalidResponse)');
      expect(logged).not.toContain(sent.split('.')[1]!);
      const [entry] = await listAudit(ctx.db, { action: 'signIn.refused', targetId: 'molde' });
      expect(JSON.stringify(entry)).not.toContain(sent.split('.')[1]!);
    } finally {
      warn.mockRestore();
      provider.setTokenAnswerFilter(null);
    }
  });

  test('a disabled account cannot sign in', async () => {
    await fullSignIn('molde', 'kari');
    await setDisabled(ctx.db, 'kari', true);
    try {
      const { location } = await signInAt('molde', 'kari');
      expect(location.searchParams.get('ssoError')).toBe('disabled');
    } finally {
      await setDisabled(ctx.db, 'kari', false);
    }
  });

  test('a provider that does not answer: 503 with its name, and password sign-in still works', async () => {
    const res = await call('POST', '/api/v1/auth/oidc/nede/start', {
      body: { returnTo: '/portal/', codeChallenge: 'a'.repeat(43) },
    });
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('Nede kommune does not answer');
    await createUser(
      ctx.db,
      { username: 'lokal', displayName: 'Lokal', role: 'agent', password: 'eit-langt-passord-1' },
      new Date(),
    );
    const local = await call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'lokal', password: 'eit-langt-passord-1' },
    });
    expect(local.status).toBe(200);
  });

  test('where a sign-in may return: paths here and loopback ports, with the app state echoed', async () => {
    const start = (returnTo: string) =>
      call('POST', '/api/v1/auth/oidc/molde/start', {
        body: { returnTo, codeChallenge: 'a'.repeat(43) },
      });
    expect((await start('https://evil.example/')).status).toBe(400);
    expect((await start('//evil.example/')).status).toBe(400);
    expect(
      (
        await call('POST', '/api/v1/auth/oidc/ukjend/start', {
          body: { returnTo: '/', codeChallenge: 'a'.repeat(43) },
        })
      ).status,
    ).toBe(404);
    const appState = randomBytes(16).toString('base64url');
    const { location } = await signInAt('molde', 'kari', {
      returnTo: 'http://127.0.0.1:51999/callback',
      appState,
    });
    expect(location.origin).toBe('http://127.0.0.1:51999');
    expect(location.searchParams.get('state')).toBe(appState);
    expect(location.searchParams.get('sso')).toBeTruthy();
  });

  test("sign-out offers the provider's sign-out for a single sign-on session only", async () => {
    const res = await fullSignIn('molde', 'kari');
    const out = await call('GET', '/api/v1/auth/oidc/sign-out-url?returnTo=/portal/', {
      token: res.body.token,
    });
    expect(out.body.providerName).toBe('Molde kommune');
    const url = new URL(out.body.url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/portal/`);
    await createUser(
      ctx.db,
      { username: 'lokal2', displayName: 'L', role: 'agent', password: 'eit-langt-passord-2' },
      new Date(),
    );
    const local = await call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'lokal2', password: 'eit-langt-passord-2' },
    });
    const none = await call('GET', '/api/v1/auth/oidc/sign-out-url', { token: local.body.token });
    expect(none.body).toEqual({ url: null, providerName: null });
  });
});

describe('a wrong provider configuration stops start-up with one line naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saksbord-oidc-config-'));
  const provider = (changes: object) => ({
    ...defaultServiceConfig,
    identityProviders: [
      {
        id: 'molde',
        name: 'Molde kommune',
        issuer: 'https://login.example/molde',
        clientId: 'c',
        clientSecretEnv: 'SAKSBORD_TEST_UNSET_SECRET',
        municipalities: ['molde'],
        ...changes,
      },
    ],
  });
  it.each<[string, object, string]>([
    [
      'plain http to another machine',
      { issuer: 'http://login.example' },
      'bad.json: identityProviders[0].issuer: must be an https URL',
    ],
    [
      'an unknown municipality',
      { municipalities: ['oslo'] },
      'bad.json: identityProviders[0].municipalities[0]: unknown municipality "oslo"',
    ],
    [
      'the secret not in the environment',
      {},
      'identityProviders[0].clientSecretEnv: environment variable SAKSBORD_TEST_UNSET_SECRET is not set',
    ],
  ])('%s', async (_, changes, expected) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(provider(changes)));
    const err: string[] = [];
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const code = await runCli(['serve', '--port', '0', '--config', file, '--data', dir], {
        out: () => {},
        err: (line) => err.push(line),
      });
      expect(code).not.toBe(0);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(expected);
  });
});
