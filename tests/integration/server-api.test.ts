import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('server API on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine, { maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  describe('health, faults and bad input', () => {
    test('health, readiness and metrics', async () => {
      expect((await s.call('GET', '/healthz')).body).toEqual({ status: 'ok' });
      const ready = await s.call('GET', '/readyz');
      expect(ready.body).toEqual({ status: 'ready', engine: engine.name });
      const metrics = await s.call('GET', '/metrics');
      expect(metrics.body).toContain('saksbord_http_requests_total{method="GET",route="/readyz"');
      expect(metrics.body).toContain('saksbord_sse_clients 0');
      await s.call('GET', '/api/v1/auth/me', { token: s.tokens.agent });
      const again = await s.call('GET', '/metrics');
      expect(again.body).toContain('route="/api/v1/auth/me",status="200"');
    });

    test('OpenAPI 3.1 document and docs page', async () => {
      const doc = await s.call('GET', '/api/v1/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/cases',
          '/api/v1/sync/push',
          '/api/v1/sync/pull',
          '/api/v1/events',
          '/api/v1/service-status',
        ]),
      );
      const created = doc.body.paths['/api/v1/cases'].post.responses['201'];
      expect(
        created.content['application/json'].schema.properties.case.properties.number,
      ).toBeDefined();
      const page = await s.call('GET', '/api/v1/docs');
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('/api/v1/sync/push');
    });

    test('CORS: the desktop app origin may call the API, others may not', async () => {
      const preflight = await s.call('OPTIONS', '/api/v1/sync/push', {
        headers: {
          origin: 'saksbord://app',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('saksbord://app');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
      const other = await s.call('GET', '/api/v1/service-status', {
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    test('unknown routes are 404 problem documents', async () => {
      for (const path of ['/api/v1/nothing', '/nothing/at/all']) {
        const res = await s.call('GET', path);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
      }
    });

    test('a bad body is a 400 naming each bad field', async () => {
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: { title: '', priority: 'urgent', channel: 'phone', requester: { name: 'Kari' } },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const paths = res.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.title', 'body.priority', 'body.requester.municipalityId']),
      );
      expect(res.body).toMatchObject({
        status: 400,
        type: expect.any(String),
        detail: expect.any(String),
      });
    });

    test('malformed JSON and bad query values are 400 too', async () => {
      const json = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        rawBody: '{"title": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(json.status).toBe(400);
      expect(json.body.errors[0].path).toBe('body');
      const query = await s.call('GET', '/api/v1/cases?priority=urgent&limit=0', {
        token: s.tokens.agent,
      });
      expect(query.status).toBe(400);
      expect(query.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'query.limit',
        'query.priority.0',
      ]);
    });

    test('a body over the limit is 413', async () => {
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ description: 'x'.repeat(70 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(res.body.status).toBe(413);
    });

    test('no stack traces: an unexpected error is a plain 500 and the server lives on', async () => {
      const app = createApp(s.ctx);
      app.get('/boom', () => {
        throw new Error('secret internals');
      });
      const original = console.error;
      console.error = () => {};
      try {
        const res = await app.request('/boom');
        const body = await res.text();
        expect(res.status).toBe(500);
        expect(body).not.toContain('secret internals');
        expect(JSON.parse(body)).toMatchObject({ status: 500 });
      } finally {
        console.error = original;
      }
      expect((await s.call('GET', '/healthz')).status).toBe(200);
    });
  });

  describe('auth', () => {
    test('who am I, and sign out ends the token', async () => {
      const signIn = await s.signIn('agent2');
      const token = signIn.body.token as string;
      expect(signIn.body.user).toMatchObject({ username: 'agent2', role: 'agent' });
      expect(signIn.body).not.toHaveProperty('user.passwordHash');
      const me = await s.call('GET', '/api/v1/auth/me', { token });
      expect(me.body).toMatchObject({ user: { username: 'agent2' }, deviceId: 'device-agent2' });
      expect((await s.call('POST', '/api/v1/auth/sign-out', { token })).status).toBe(204);
      const after = await s.call('GET', '/api/v1/auth/me', { token });
      expect(after.status).toBe(401);
    });

    test('the staff directory is for staff', async () => {
      const list = await s.call('GET', '/api/v1/users', { token: s.tokens.agent });
      const names = list.body.users.map((u: { username: string }) => u.username);
      expect(names).toContain('consultantmolde');
      expect(names).not.toContain('requesterkari');
      expect((await s.call('GET', '/api/v1/users', { token: s.tokens.requesterKari })).status).toBe(
        403,
      );
    });

    test('no token, or a bad one, is 401', async () => {
      expect((await s.call('GET', '/api/v1/cases')).status).toBe(401);
      const res = await s.call('GET', '/api/v1/cases', { token: 'nonsense' });
      expect(res.status).toBe(401);
    });

    test('repeated failed sign-ins give 429 with Retry-After', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await s.signIn('senior', 'feil')).status).toBe(401);
      }
      const blocked = await s.signIn('senior', 'feil');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right password waits until the window has passed.
      expect((await s.signIn('senior')).status).toBe(429);
      // Another username from the same place is not blocked.
      expect((await s.signIn('admin')).status).toBe(200);
    });

    test('sign-in input is validated', async () => {
      const res = await s.call('POST', '/api/v1/auth/sign-in', { body: { username: 'x' } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
    });
  });

  describe('cases', () => {
    test('create gives a number and an audited event', async () => {
      const res = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody(),
      });
      expect(res.status).toBe(201);
      const year = new Date().getFullYear();
      expect(res.body.case.number).toMatch(new RegExp(`^${year}-\\d{5}$`));
      expect(res.body.case).toMatchObject({ status: 'new', line: 1, createdBy: s.ids.agent });
      expect(res.body.event).toMatchObject({
        actorId: s.ids.agent,
        deviceId: 'device-agent',
        change: { type: 'created' },
      });
      const one = await s.call('GET', `/api/v1/cases/${res.body.case.number}`, {
        token: s.tokens.agent,
      });
      expect(one.body.case.id).toBe(res.body.case.id);
      expect(one.body.events).toHaveLength(1);
    });

    test('an Idempotency-Key makes a retried create or change apply once', async () => {
      const key = crypto.randomUUID();
      const send = () =>
        s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody(),
          headers: { 'idempotency-key': key },
        });
      const first = await send();
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.body.case.id).toBe(first.body.case.id);
      expect(again.body.event.seq).toBe(first.body.event.seq);
      const changeKey = crypto.randomUUID();
      const comment = () =>
        s.call('POST', `/api/v1/cases/${first.body.case.id}/changes`, {
          token: s.tokens.agent,
          headers: { 'idempotency-key': changeKey },
          body: {
            change: {
              type: 'commented',
              commentId: changeKey,
              body: 'Ringde tilbake',
              visibility: 'requester',
            },
          },
        });
      expect((await comment()).body.result.seq).toBe((await comment()).body.result.seq);
      const one = await s.call('GET', `/api/v1/cases/${first.body.case.id}`, {
        token: s.tokens.agent,
      });
      expect(one.body.events).toHaveLength(2);
      const bad = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody(),
        headers: { 'idempotency-key': 'abc' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('header.idempotency-key');
    });

    test('numbers count up per year without gaps', async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody(),
        });
        numbers.push(res.body.case.number);
      }
      const n = numbers.map((x) => Number(x.slice(5)));
      expect(n[1]).toBe(n[0]! + 1);
      expect(n[2]).toBe(n[1]! + 1);
    });

    test('changes go through the rules: invalid transitions are refused with the rule', async () => {
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody(),
      });
      const id = created.body.case.id;
      const closed = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'statusChanged', status: 'closed' } },
      });
      expect(closed.status).toBe(422);
      expect(closed.body.rule).toBe('status.transition');
      const ok = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'statusChanged', status: 'inProgress' } },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.result.status).toBe('applied');
      expect(ok.body.case.status).toBe('inProgress');
      const assign = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'assigned', assigneeId: s.ids.consultantMolde } },
      });
      expect(assign.status).toBe(422);
      expect(assign.body.rule).toBe('assignment.notOnLine');
      const escalate = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'escalated', toLine: 2, reason: 'Treng lokal tilgang' } },
      });
      expect(escalate.body.case.line).toBe(2);
      const assign2 = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'assigned', assigneeId: s.ids.consultantMolde } },
      });
      expect(assign2.status).toBe(200);
      expect(assign2.body.case.assigneeId).toBe(s.ids.consultantMolde);
    });

    test('a change based on an old version loses to the newer server value (409)', async () => {
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody(),
      });
      const { id, version } = created.body.case;
      await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent2,
        body: { change: { type: 'prioritySet', priority: 'high', note: 'Heile eininga' } },
      });
      const stale = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'prioritySet', priority: 'low' }, baseVersion: version },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.result.conflicts).toEqual([
        expect.objectContaining({
          field: 'priority',
          yourValue: 'low',
          serverValue: 'high',
          serverChangedBy: s.ids.agent2,
        }),
      ]);
      expect(stale.body.case.priority).toBe('high');
    });

    test('filters, free text and paging', async () => {
      const marker = `Unik-${Date.now()}`;
      for (const municipalityId of ['molde', 'rauma', 'aukra']) {
        await s.call('POST', '/api/v1/cases', {
          token: s.tokens.agent,
          body: newCaseBody({
            title: `${marker} VPN fell ned`,
            priority: 'high',
            requester: { name: 'Per', municipalityId },
          }),
        });
      }
      const all = await s.call('GET', `/api/v1/cases?q=${marker.toLowerCase()}&limit=2`, {
        token: s.tokens.agent,
      });
      expect(all.body.total).toBe(3);
      expect(all.body.cases).toHaveLength(2);
      const page2 = await s.call('GET', `/api/v1/cases?q=${marker}&limit=2&offset=2`, {
        token: s.tokens.agent,
      });
      expect(page2.body.cases).toHaveLength(1);
      const some = await s.call(
        'GET',
        `/api/v1/cases?q=${marker}&municipality=molde,rauma&priority=high&status=new&line=1&assignee=none`,
        { token: s.tokens.agent },
      );
      expect(some.body.total).toBe(2);
      const future = await s.call(
        'GET',
        `/api/v1/cases?q=${marker}&changedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
        { token: s.tokens.agent },
      );
      expect(future.body.total).toBe(0);
      const wildcard = await s.call('GET', '/api/v1/cases?q=%25', { token: s.tokens.agent });
      expect(wildcard.body.total).toBe(0);
    });
  });

  describe('who may read what', () => {
    let kariCase: string;
    let olaCase: string;
    beforeAll(async () => {
      if (!engine.available) return;
      const kari = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.requesterKari,
        body: newCaseBody({
          title: 'Får ikkje logga inn på Visma',
          channel: 'portal',
          priority: 'low',
          requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
        }),
      });
      expect(kari.status).toBe(201);
      kariCase = kari.body.case.id;
      const ola = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.requesterOla,
        body: newCaseBody({
          channel: 'portal',
          priority: 'low',
          requester: { name: 'Ola', municipalityId: 'rauma', userId: s.ids.requesterOla },
        }),
      });
      olaCase = ola.body.case.id;
      await s.call('POST', `/api/v1/cases/${kariCase}/changes`, {
        token: s.tokens.agent,
        body: {
          change: {
            type: 'commented',
            commentId: crypto.randomUUID(),
            body: 'Intern: brukaren har feil passord igjen',
            visibility: 'internal',
          },
        },
      });
      await s.call('POST', `/api/v1/cases/${kariCase}/changes`, {
        token: s.tokens.agent,
        body: {
          change: {
            type: 'commented',
            commentId: crypto.randomUUID(),
            body: 'Vi har nullstilt passordet ditt.',
            visibility: 'requester',
          },
        },
      });
    });

    test('a requester sees only their own cases, without internal comments', async () => {
      const list = await s.call('GET', '/api/v1/cases?limit=500', {
        token: s.tokens.requesterKari,
      });
      expect(list.body.cases.map((c: { id: string }) => c.id)).toEqual([kariCase]);
      const other = await s.call('GET', `/api/v1/cases/${olaCase}`, {
        token: s.tokens.requesterKari,
      });
      expect(other.status).toBe(404);
      const own = await s.call('GET', `/api/v1/cases/${kariCase}`, {
        token: s.tokens.requesterKari,
      });
      const comments = own.body.events.filter(
        (e: { change: { type: string } }) => e.change.type === 'commented',
      );
      expect(comments.map((e: { change: { body: string } }) => e.change.body)).toEqual([
        'Vi har nullstilt passordet ditt.',
      ]);
      const staff = await s.call('GET', `/api/v1/cases/${kariCase}`, { token: s.tokens.agent });
      expect(
        staff.body.events.filter(
          (e: { change: { type: string } }) => e.change.type === 'commented',
        ),
      ).toHaveLength(2);
    });

    test('a requester may not report for someone else, nor change their own case freely', async () => {
      const forOla = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.requesterKari,
        body: newCaseBody({
          channel: 'portal',
          priority: 'low',
          requester: { name: 'Ola', municipalityId: 'rauma', userId: s.ids.requesterOla },
        }),
      });
      expect(forOla.status).toBe(403);
      expect(forOla.body.rule).toBe('requester.notOwnCase');
      const escalate = await s.call('POST', `/api/v1/cases/${kariCase}/changes`, {
        token: s.tokens.requesterKari,
        body: { change: { type: 'escalated', toLine: 3, reason: 'Eg vil ha ein senior' } },
      });
      expect(escalate.status).toBe(403);
      const internal = await s.call('POST', `/api/v1/cases/${kariCase}/changes`, {
        token: s.tokens.requesterKari,
        body: {
          change: {
            type: 'commented',
            commentId: crypto.randomUUID(),
            body: 'hei',
            visibility: 'internal',
          },
        },
      });
      expect(internal.status).toBe(403);
    });

    test('a consultant sees only the cases of their municipalities', async () => {
      const list = await s.call('GET', '/api/v1/cases?limit=500', {
        token: s.tokens.consultantMolde,
      });
      const municipalities = new Set(
        list.body.cases.map(
          (c: { requester: { municipalityId: string } }) => c.requester.municipalityId,
        ),
      );
      expect([...municipalities]).toEqual(['molde']);
      expect(
        (await s.call('GET', `/api/v1/cases/${olaCase}`, { token: s.tokens.consultantMolde }))
          .status,
      ).toBe(404);
      expect(
        (await s.call('GET', `/api/v1/cases/${kariCase}`, { token: s.tokens.consultantMolde }))
          .status,
      ).toBe(200);
      const change = await s.call('POST', `/api/v1/cases/${olaCase}/changes`, {
        token: s.tokens.consultantMolde,
        body: { change: { type: 'acknowledged' } },
      });
      expect(change.status).toBe(404);
    });
  });

  describe('service status', () => {
    test('open on a working day, on-call only at night, with the right number', async () => {
      const day = await s.call('GET', '/api/v1/service-status?at=2026-11-24T10:00:00%2B01:00');
      expect(day.status).toBe(200);
      expect(day.body).toMatchObject({ supportOpen: true, callNumber: '70 16 29 99' });
      const night = await s.call('GET', '/api/v1/service-status?at=2026-11-24T22:00:00Z');
      expect(night.body).toMatchObject({
        supportOpen: false,
        onCallStaffed: true,
        callNumber: '70 16 24 46',
        nextChange: expect.any(Object),
      });
      const now = await s.call('GET', '/api/v1/service-status');
      expect(now.status).toBe(200);
      const bad = await s.call('GET', '/api/v1/service-status?at=tomorrow');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('query.at');
    });
  });
});
