import { liveEventSchema } from '@core/sync';
import pgModule from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelName } from '../../src/server/events/event-bus';
import { engines, postgresBaseUrl } from './helpers/engines';
import { connectSse } from './helpers/sse-client';
import { listeningTestServer, newCaseBody, type TestServer } from './helpers/test-server';

const critical = (caseId: string) => (m: { event: string; data: string }) =>
  m.event === 'critical' && JSON.parse(m.data).case.id === caseId;

describe.each(engines)('live events on $name', (engine) => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    if (engine.available) s = await listeningTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('critical cases reach those who may read them at once; everyone gets a changes poke', async () => {
    const events = (token: string) => connectSse(`${s.url}/api/v1/events?token=${token}`);
    const agent = await events(s.tokens.agent);
    const molde = await events(s.tokens.consultantMolde);
    const rauma = await events(s.tokens.consultantRauma);
    try {
      // Each stream starts with the current cursor.
      await agent.waitFor((m) => m.event === 'changes');
      const created = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ title: 'Legevaktjournalen er nede', priority: 'critical' }),
      });
      const id = created.body.case.id as string;
      const got = await agent.waitFor(critical(id));
      const parsed = liveEventSchema.parse(JSON.parse(got.data));
      expect(parsed).toMatchObject({
        type: 'critical',
        case: { number: created.body.case.number },
      });
      await molde.waitFor(critical(id));
      await rauma.waitFor(
        (m) => m.event === 'changes' && JSON.parse(m.data).cursor >= created.body.event.seq,
      );
      expect(rauma.messages.some((m) => m.event === 'critical')).toBe(false);

      // Raised to critical later: alert again.
      const medium = await s.call('POST', '/api/v1/cases', {
        token: s.tokens.agent,
        body: newCaseBody({ requester: { name: 'Ola', municipalityId: 'rauma' } }),
      });
      const raised = medium.body.case.id as string;
      await s.call('POST', `/api/v1/cases/${raised}/changes`, {
        token: s.tokens.agent,
        body: { change: { type: 'prioritySet', priority: 'critical', note: 'Heile legevakta' } },
      });
      await rauma.waitFor(critical(raised));
      await agent.waitFor(critical(raised));
      const metrics = await s.call('GET', '/metrics');
      expect(metrics.body).toContain('saksbord_sse_clients 3');
    } finally {
      for (const c of [agent, molde, rauma]) c.close();
    }
  });

  test('the stream needs a valid token (header or query)', async () => {
    const res = await fetch(`${s.url}/api/v1/events?token=wrong`);
    expect(res.status).toBe(401);
    const ok = await fetch(`${s.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${s.tokens.agent}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/event-stream');
    await ok.body?.cancel();
  });
});

const pgClient = pgModule.Client;
const pg = engines.find((e) => e.name === 'postgres')!;
describe('two servers on one PostgreSQL database', () => {
  it.skipIf(!pg.available)(
    'a case created through one arrives as an SSE event at a client of the other',
    async () => {
      const location = pg.freshLocation();
      const a = await listeningTestServer(pg, location);
      const b = await listeningTestServer(pg, location, false);
      try {
        const signIn = await b.signIn('agent');
        const client = await connectSse(`${b.url}/api/v1/events?token=${signIn.body.token}`);
        try {
          await client.waitFor((m) => m.event === 'changes');
          const created = await a.call('POST', '/api/v1/cases', {
            token: a.tokens.agent,
            body: newCaseBody({ priority: 'critical', title: 'Tryggleiksalarmane er nede' }),
          });
          expect(created.status).toBe(201);
          const got = await client.waitFor(critical(created.body.case.id));
          expect(JSON.parse(got.data).cursor).toBe(created.body.event.seq);
        } finally {
          client.close();
        }
      } finally {
        await b.close();
        await a.close();
      }
    },
  );
});

describe('the PostgreSQL listener', () => {
  it.skipIf(!pg.available)(
    'reconnects after its connection is killed, and events flow again',
    async () => {
      const location = pg.freshLocation();
      const s = await listeningTestServer(pg, location);
      const client = await connectSse(`${s.url}/api/v1/events?token=${s.tokens.agent}`);
      const schema = new URL(location.databaseUrl!).searchParams.get('schema')!;
      const admin = new pgClient({ connectionString: postgresBaseUrl });
      await admin.connect();
      try {
        await client.waitFor((m) => m.event === 'changes');
        const killed = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where query = $1',
          [`listen "${channelName(schema)}"`],
        );
        expect(killed.rowCount).toBe(1);
        const deadline = Date.now() + 10_000;
        let delivered = false;
        // Until the listener is back, a case's event may be missed (the reconnect poke covers
        // that for pulls); keep creating critical cases until one arrives.
        while (!delivered && Date.now() < deadline) {
          const created = await s.call('POST', '/api/v1/cases', {
            token: s.tokens.agent,
            body: newCaseBody({ priority: 'critical' }),
          });
          delivered = await client
            .waitFor(critical(created.body.case.id), 500)
            .then(() => true)
            .catch(() => false);
        }
        expect(delivered).toBe(true);
      } finally {
        client.close();
        await admin.end();
        await s.close();
      }
    },
  );
});
