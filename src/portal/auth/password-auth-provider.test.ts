// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLimitMs, passwordAuthProvider, storageKey } from './password-auth-provider';

const user = {
  id: 'u1',
  username: 'brukar-molde-1',
  displayName: 'Kari',
  role: 'requester',
  municipalityIds: ['molde'],
};
const expiresAt = '2026-03-24T09:00:00.000Z';

/** The server: sign-in gives token "t1"; /auth/me knows "t1" until it is signed out. */
function fakeServer() {
  const live = new Set<string>();
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = url.replace(/^.*\/api\/v1/, '');
      calls.push(path);
      const token = String(
        (init.headers as Record<string, string> | undefined)?.authorization ?? '',
      ).replace('Bearer ', '');
      if (path === '/auth/sign-in') {
        live.add('t1');
        return Response.json({ token: 't1', expiresAt, user });
      }
      if (path === '/auth/me') {
        return live.has(token)
          ? Response.json({ user, deviceId: 'portal', expiresAt })
          : Response.json({}, { status: 401 });
      }
      if (path === '/auth/sign-out') {
        live.delete(token);
        return new Response(null, { status: 204 });
      }
      return new Response(null, { status: 404 });
    }),
  );
  return { live, calls };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T09:00:00+01:00'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the portal session is kept for the browser, not the tab', () => {
  it('a new tab (its own sessionStorage) restores the session signed in elsewhere', async () => {
    fakeServer();
    const first = await passwordAuthProvider().signIn('brukar-molde-1', 'pw');
    expect(first.ok).toBe(true);
    sessionStorage.clear(); // what a new tab starts with
    const restored = await passwordAuthProvider().restore();
    expect(restored).toMatchObject({ token: 't1', user: { id: 'u1' } });
  });

  it('signing out removes it for every tab, and ends it on the server', async () => {
    const server = fakeServer();
    const auth = passwordAuthProvider();
    const outcome = await auth.signIn('brukar-molde-1', 'pw');
    if (!outcome.ok) throw new Error('sign-in failed');
    await auth.signOut(outcome.session);
    expect(localStorage.getItem(storageKey)).toBeNull();
    expect(server.live.size).toBe(0);
    expect(await passwordAuthProvider().restore()).toBeNull();
  });

  it('another tab signing out signs this tab out too', async () => {
    fakeServer();
    const auth = passwordAuthProvider();
    await auth.signIn('brukar-molde-1', 'pw');
    const signedOut = vi.fn();
    const stop = auth.watch!(signedOut);
    // What the other tab's sign-out looks like here: the key removed, then a storage event.
    localStorage.removeItem(storageKey);
    dispatchEvent(
      new StorageEvent('storage', { key: storageKey, newValue: null, storageArea: localStorage }),
    );
    expect(signedOut).toHaveBeenCalledTimes(1);
    stop();
  });

  it.each([
    ['used a minute ago is restored', 60_000, true],
    ['used just within the idle limit is restored', idleLimitMs - 1, true],
    ['left unused past the idle limit (a shared PC overnight) is dropped', idleLimitMs + 1, false],
  ])('a session %s', async (_name, idle, restored) => {
    const server = fakeServer();
    await passwordAuthProvider().signIn('brukar-molde-1', 'pw');
    vi.setSystemTime(Date.now() + idle);
    const session = await passwordAuthProvider().restore();
    expect(session !== null).toBe(restored);
    expect(server.live.has('t1')).toBe(restored);
  });

  it('an open tab keeps the session in use', async () => {
    fakeServer();
    const auth = passwordAuthProvider();
    await auth.signIn('brukar-molde-1', 'pw');
    vi.setSystemTime(Date.now() + idleLimitMs - 60_000);
    auth.keepAlive!();
    vi.setSystemTime(Date.now() + idleLimitMs - 60_000);
    expect(await passwordAuthProvider().restore()).not.toBeNull();
  });
});

describe('signing in and restoring through the one API client', () => {
  const answer = (status: number) =>
    vi.fn(async () =>
      status === 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Response.json(
            { type: 'about:blank', title: 'No', status, detail: 'no' },
            { status, headers: { 'content-type': 'application/problem+json' } },
          ),
    );

  it.each([
    ['wrong username or password', 401, 'wrong'],
    ['too many tries', 429, 'tooMany'],
    ['a server error', 500, 'failed'],
    ['no answer', 0, 'failed'],
  ] as const)('%s: %s', async (_what, status, reason) => {
    vi.stubGlobal('fetch', answer(status));
    expect(await passwordAuthProvider().signIn('brukar-molde-1', 'pw')).toEqual({
      ok: false,
      reason,
    });
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('a member of staff is not signed in to the portal, and their session is ended', async () => {
    const server = fakeServer();
    const staff = { ...user, role: 'agent' };
    const fetchMock = vi.mocked(fetch);
    const serve = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (url, init) => {
      if (!String(url).endsWith('/auth/sign-in')) return serve(url, init);
      server.live.add('t1');
      return Response.json({ token: 't1', expiresAt, user: staff });
    });
    expect(await passwordAuthProvider().signIn('agent1', 'pw')).toEqual({
      ok: false,
      reason: 'notRequester',
    });
    expect(server.live.size).toBe(0);
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it.each([
    ['no answer keeps the session for the next try', 0, true],
    ['a refused token drops it', 401, false],
  ] as const)('restoring: %s', async (_what, status, kept) => {
    fakeServer();
    await passwordAuthProvider().signIn('brukar-molde-1', 'pw');
    vi.stubGlobal('fetch', answer(status));
    expect(await passwordAuthProvider().restore()).toBeNull();
    expect(localStorage.getItem(storageKey) !== null).toBe(kept);
  });
});
