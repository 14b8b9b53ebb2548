/**
 * Issue 18, item 2: the sign-in limiter counts atomically, has a budget per address across
 * usernames, backs off progressively instead of refusing the right password for the whole
 * window, reads the client address through a trusted proxy only, and prunes old rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneSignInFailures } from '../../src/server/auth/sign-in-limiter';
import { engines } from './helpers/engines';
import {
  listeningTestServer,
  type TestServer,
  testPassword,
  testServer,
} from './helpers/test-server';

const limits = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  maxFailuresPerAddress: 12,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
};

describe.each(engines)('the sign-in limiter on $name', (engine) => {
  let s: TestServer;
  let clock = Date.parse('2026-11-30T08:00:00Z');
  /** Every test starts an hour after the last: the window has passed. */
  const nextHour = () => {
    clock += 3600_000;
  };
  beforeAll(async () => {
    if (engine.available)
      s = await testServer(engine, { signInLimits: limits }, () => new Date(clock));
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const attempt = (username: string, password: string) =>
    s.call('POST', '/api/v1/auth/sign-in', { body: { username, password, deviceId: 'd' } });

  test('40 parallel wrong passwords: at most the budget are checked', async () => {
    nextHour();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt('agent', 'feil-passord')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThanOrEqual(35);
  });

  test('many usernames from one address: the address budget answers 429', async () => {
    nextHour();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(`ingen-${i}`, 'feil')).status);
    expect(statuses.slice(0, 12).every((x) => x === 401)).toBe(true);
    expect(statuses.slice(12).every((x) => x === 429)).toBe(true);
  });

  test('the right password is let in after a short wait, even while someone keeps guessing', async () => {
    nextHour();
    for (let i = 0; i < 5; i++) expect((await attempt('agent2', 'feil')).status).toBe(401);
    const refused = await attempt('agent2', testPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(1);
    clock += 500;
    // A guess while waiting is refused and not counted.
    expect((await attempt('agent2', 'feil')).status).toBe(429);
    clock += 600;
    expect((await attempt('agent2', testPassword)).status).toBe(200);
    // A success forgets the failures: the next wrong guess is an ordinary 401.
    expect((await attempt('agent2', 'feil')).status).toBe(401);
  });

  test('old failure rows are pruned', async () => {
    nextHour();
    expect((await attempt('senior', 'feil')).status).toBe(401);
    clock += limits.windowMs + 1;
    expect(await pruneSignInFailures(s.ctx.db, new Date(clock), limits)).toBeGreaterThan(0);
    const left = await s.ctx.db.selectFrom('sign_in_failures').select('id').execute();
    expect(left).toEqual([]);
  });
});

const sqlite = engines[0]!;
describe('behind a trusted reverse proxy', () => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    s = await listeningTestServer(sqlite, sqlite.freshLocation(), true, {
      options: { staticDir: null, signInLimits: limits, trustedProxies: ['127.0.0.1'] },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an attacker elsewhere cannot lock the real user out', async () => {
    const from = (address: string, password: string) =>
      s.call('POST', '/api/v1/auth/sign-in', {
        body: { username: 'teamLeader', password, deviceId: 'd' },
        headers: { 'x-forwarded-for': address },
      });
    for (let i = 0; i < 8; i++) await from('203.0.113.66', 'feil');
    expect((await from('203.0.113.66', testPassword)).status).toBe(429);
    expect((await from('198.51.100.7', testPassword)).status).toBe(200);
  });
});
