/**
 * Issue 18, item 1 (and the stream parts of item 4 and the Lows): a live event stream lives
 * no longer than its session, re-reads its actor, carries no token in the URL, and a
 * requester's stream hears only of their own cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { connectSse, type SseClient } from './helpers/sse-client';
import { listeningTestServer, newCaseBody, type TestServer } from './helpers/test-server';

const critical = (caseId: string) => (m: { event: string; data: string }) =>
  m.event === 'critical' && JSON.parse(m.data).case.id === caseId;

/** Resolves true when the stream ended within `ms`, false otherwise. */
const endsWithin = (client: SseClient, ms: number) =>
  Promise.race([
    client.ended.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

describe.each(engines)('event streams and sessions on $name', (engine) => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    if (!engine.available) return;
    // A long heartbeat: what ends a stream here must not be a lucky heartbeat.
    s = await listeningTestServer(engine, engine.freshLocation(), true, {
      options: {
        staticDir: null,
        heartbeatMs: 60_000,
        validateResponses: true,
        maxStreamsPerSession: 3,
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const stream = (token: string) => connectSse(`${s.url}/api/v1/events?token=${token}`);
  const freshToken = async (username: string) => (await s.signIn(username)).body.token as string;

  test('signing out ends the session’s streams at once', async () => {
    const token = await freshToken('agent');
    const client = await stream(token);
    await client.waitFor((m) => m.event === 'changes');
    const out = await s.call('POST', '/api/v1/auth/sign-out', { token });
    expect(out.status).toBe(204);
    expect(await endsWithin(client, 3_000)).toBe(true);
  });

  test('a user disabled elsewhere (the CLI) gets no critical case, and the stream ends', async () => {
    const token = await freshToken('agent2');
    const client = await stream(token);
    try {
      await client.waitFor((m) => m.event === 'changes');
      // What `saksbord user disable` does, in another process: only the database knows.
      await s.ctx.db
        .updateTable('users')
        .set({ disabled: 1 })
        .where('id', '=', s.ids.agent2)
        .execute();
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'critical', title: 'Pasientjournalen er nede' }),
      });
      expect(created.status).toBe(201);
      expect(await endsWithin(client, 3_000)).toBe(true);
      expect(client.messages.some(critical(created.body.case.id))).toBe(false);
    } finally {
      client.close();
      await s.ctx.db
        .updateTable('users')
        .set({ disabled: 0 })
        .where('id', '=', s.ids.agent2)
        .execute();
    }
  });

  test('the actor is read again: a consultant moved to another municipality is not told', async () => {
    const token = await freshToken('consultantMolde');
    const client = await stream(token);
    try {
      await client.waitFor((m) => m.event === 'changes');
      await s.ctx.db
        .updateTable('users')
        .set({ municipality_ids: JSON.stringify(['rauma']) })
        .where('id', '=', s.ids.consultantMolde)
        .execute();
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'critical', title: 'Heimetenesta sin app er nede' }),
      });
      await client.waitFor(
        (m) => m.event === 'changes' && JSON.parse(m.data).cursor >= created.body.event.seq,
      );
      expect(client.messages.some(critical(created.body.case.id))).toBe(false);
    } finally {
      client.close();
      await s.ctx.db
        .updateTable('users')
        .set({ municipality_ids: JSON.stringify(['molde']) })
        .where('id', '=', s.ids.consultantMolde)
        .execute();
    }
  });

  test('a requester’s stream is poked only for their own cases and never carries a case', async () => {
    const token = await freshToken('requesterKari');
    const client = await stream(token);
    try {
      await client.waitFor((m) => m.event === 'changes');
      const before = client.messages.length;
      const other = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ priority: 'critical', title: 'Nokon andre sitt problem' }),
      });
      expect(other.status).toBe(201);
      const own = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({
          priority: 'critical',
          requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
        }),
      });
      expect(own.status).toBe(201);
      const poke = await client.waitFor(
        (m) => m.event === 'changes' && JSON.parse(m.data).cursor >= own.body.event.seq,
      );
      const after = client.messages.slice(before);
      // One poke, for her own case; none for the other case; no case content at all.
      expect(after.filter((m) => m.event === 'changes')).toEqual([poke]);
      expect(after.some((m) => m.event === 'critical')).toBe(false);
    } finally {
      client.close();
    }
  });

  test('a session holds a few streams, not hundreds; the token is never read from the URL', async () => {
    const token = await freshToken('senior');
    const open = [await stream(token), await stream(token), await stream(token)];
    try {
      const res = await fetch(`${s.url}/api/v1/events`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const inUrl = await fetch(`${s.url}/api/v1/events?token=${s.tokens.agent}`);
      expect(inUrl.status).toBe(401);
      await inUrl.body?.cancel();
    } finally {
      for (const c of open) c.close();
    }
  });
});

describe.each(engines)('a stream ends at its token’s expiry on $name', (engine) => {
  it.skipIf(!engine.available)('closes when the token expires', async () => {
    const s = await listeningTestServer(engine, engine.freshLocation(), true, {
      options: { staticDir: null, heartbeatMs: 60_000, sessionTtlMs: 2_000 },
    });
    try {
      const token = await s.signIn('agent').then((r) => r.body.token as string);
      const client = await connectSse(`${s.url}/api/v1/events?token=${token}`);
      await client.waitFor((m) => m.event === 'changes');
      expect(await endsWithin(client, 5_000)).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('shutting down', () => {
  it('ends the event streams properly instead of cutting them', async () => {
    const engine = engines[0]!;
    const s = await listeningTestServer(engine, engine.freshLocation(), true, {
      options: { staticDir: null, heartbeatMs: 60_000 },
    });
    const client = await connectSse(`${s.url}/api/v1/events?token=${s.tokens.agent}`);
    await client.waitFor((m) => m.event === 'changes');
    await s.close();
    expect(await endsWithin(client, 3_000)).toBe(true);
  });
});

const pg = engines.find((e) => e.name === 'postgres')!;
describe('two servers on one PostgreSQL database', () => {
  it.skipIf(!pg.available)(
    'signing out through one ends the streams held by the other',
    async () => {
      const location = pg.freshLocation();
      const a = await listeningTestServer(pg, location, true, {
        options: { staticDir: null, heartbeatMs: 60_000 },
      });
      const b = await listeningTestServer(pg, location, false, {
        options: { staticDir: null, heartbeatMs: 60_000 },
      });
      try {
        const token = await a.signIn('agent').then((r) => r.body.token as string);
        const client = await connectSse(`${b.url}/api/v1/events?token=${token}`);
        await client.waitFor((m) => m.event === 'changes');
        expect((await a.call('POST', '/api/v1/auth/sign-out', { token })).status).toBe(204);
        expect(await endsWithin(client, 3_000)).toBe(true);
      } finally {
        await b.close();
        await a.close();
      }
    },
  );
});
