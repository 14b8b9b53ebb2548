/**
 * Issue 18, quota Lows: each user has a budget of writes (429 beyond it), and a long push is
 * applied in chunks so other requests are not held up behind it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, newCaseBody, type TestServer, testServer } from './helpers/test-server';

const created = () => ({ type: 'created', ...newCaseBody() });

describe.each(engines)('write budgets on $name', (engine) => {
  let s: TestServer;
  let clock = Date.parse('2026-11-30T09:00:00Z');
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(
      engine,
      { writeRateLimit: { capacity: 3, perMinute: 60 }, pushChunkSize: 10 },
      () => new Date(clock),
    );
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const create = (token: string) => s.call('POST', '/api/v1/cases', { token, body: newCaseBody() });

  test('a user beyond their write budget gets 429; others and time are unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await create(s.tokens.agent)).status).toBe(201);
    const refused = await create(s.tokens.agent);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(1);
    expect((await create(s.tokens.agent2)).status).toBe(201);
    const push = await s.call('POST', '/api/v1/sync/push', {
      token: s.tokens.agent,
      body: { deviceId: 'd', mutations: [mutation(randomUUID(), created())] },
    });
    expect(push.status).toBe(429);
    clock += 1_000;
    expect((await create(s.tokens.agent)).status).toBe(201);
  });
});

describe.each(engines)('long pushes on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine, { pushChunkSize: 5, maxCommentsPerCase: 2 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(!engine.available)(
    'a write sent during a long push is not queued behind all of it',
    async () => {
      const mutations = Array.from({ length: 30 }, () => mutation(randomUUID(), created()));
      const long = s.call('POST', '/api/v1/sync/push', {
        token: s.tokens.agent,
        body: { deviceId: 'd', mutations },
      });
      // Sent once the push has started writing.
      while (
        (await s.call('GET', '/api/v1/cases?limit=1', { token: s.tokens.agent2 })).body.total === 0
      ) {
        await new Promise((r) => setTimeout(r, 1));
      }
      const small = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent2,
        body: newCaseBody({ title: 'Ei lita sak' }),
      });
      const pushed = await long;
      expect(small.status).toBe(201);
      expect(pushed.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(
        true,
      );
      const lastOfPush = Math.max(...pushed.body.results.map((r: { seq: number }) => r.seq));
      // It got in between two chunks, not after the whole push.
      expect(small.body.event.seq).toBeLessThan(lastOfPush);
    },
  );

  it.skipIf(!engine.available)('a case holds a bounded number of comments', async () => {
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody(),
    });
    const comment = () =>
      s.call('POST', `/api/v1/cases/${created.body.case.id}/changes`, {
        token: s.tokens.agent,
        body: {
          change: {
            type: 'commented',
            commentId: randomUUID(),
            body: 'Ring',
            visibility: 'internal',
          },
        },
      });
    expect((await comment()).status).toBe(200);
    expect((await comment()).status).toBe(200);
    const third = await comment();
    expect(third).toMatchObject({
      status: 422,
      body: { rule: 'case.tooManyComments', params: { max: 2 } },
    });
  });
});
