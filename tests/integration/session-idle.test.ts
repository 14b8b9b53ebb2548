/**
 * Issue 18 (Low: sessions had no idle timeout): a session unused for the idle time ends, a used
 * one lives on, but never past its lifetime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { type TestServer, testPassword, testServer } from './helpers/test-server';

const hour = 3600_000;

describe.each(engines)('the session idle timeout on $name', (engine) => {
  let s: TestServer;
  let clock = Date.parse('2026-11-30T08:00:00Z');
  beforeAll(async () => {
    if (engine.available) {
      s = await testServer(
        engine,
        { sessionTtlMs: 100 * hour, sessionIdleMs: 24 * hour },
        () => new Date(clock),
      );
    }
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const signIn = async () =>
    (
      await s.call('POST', '/api/v1/auth/sign-in', {
        body: { username: 'agent', password: testPassword, deviceId: 'idle-test' },
      })
    ).body.token as string;
  const me = (token: string) => s.call('GET', '/api/v1/auth/me', { token });

  test('unused for longer than the idle time: signed out', async () => {
    const token = await signIn();
    clock += 25 * hour;
    expect((await me(token)).status).toBe(401);
  });

  test('used within the idle time: it lives on, until its lifetime ends', async () => {
    const token = await signIn();
    const started = clock;
    for (const step of [20, 20, 20, 20]) {
      clock += step * hour;
      const answer = await me(token);
      expect(answer.status).toBe(200);
      expect(Date.parse(answer.body.expiresAt)).toBe(
        Math.min(started + 100 * hour, clock + 24 * hour),
      );
    }
    clock += 21 * hour; // 101 h after sign-in: past the lifetime, though used 21 h ago
    expect((await me(token)).status).toBe(401);
  });
});
