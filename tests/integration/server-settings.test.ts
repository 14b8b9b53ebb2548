/** SLA settings over REST on both engines: read, validated change, roles, versions, audit. */

import { serviceConfigSchema } from '@core/config';
import { defaultSlaConfig } from '@core/sla';
import { liveEventSchema } from '@core/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { connectSse } from './helpers/sse-client';
import { listeningTestServer, type TestServer, testServer } from './helpers/test-server';

const changed = {
  ...defaultSlaConfig,
  targets: {
    ...defaultSlaConfig.targets,
    high: { responseMinutes: 45, resolutionMinutes: 480, calendar: 'support' as const },
  },
  atRiskThreshold: 0.8,
};

describe.each(engines)('SLA settings on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('staff read the configuration file’s settings as version 0; requesters may not', async () => {
    const res = await s.call('GET', '/api/v1/settings/sla', { token: s.tokens.agent });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sla: s.ctx.config.sla,
      version: 0,
      updatedBy: null,
      updatedAt: null,
    });
    expect((await s.call('GET', '/api/v1/settings/sla')).status).toBe(401);
    expect(
      (await s.call('GET', '/api/v1/settings/sla', { token: s.tokens.requesterKari })).status,
    ).toBe(403);
  });

  test('only team leaders and admins change them', async () => {
    for (const who of ['agent', 'consultantMolde', 'senior'] as const) {
      const res = await s.call('PUT', '/api/v1/settings/sla', {
        token: s.tokens[who],
        body: { sla: changed, baseVersion: 0 },
      });
      expect(res.status).toBe(403);
    }
  });

  test('a bad value is a 400 naming the field', async () => {
    const res = await s.call('PUT', '/api/v1/settings/sla', {
      token: s.tokens.teamLeader,
      body: {
        sla: {
          ...changed,
          targets: { ...changed.targets, high: { ...changed.targets.high, responseMinutes: -5 } },
          atRiskThreshold: 1.5,
        },
        baseVersion: 0,
      },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.sla.targets.high.responseMinutes');
    expect(paths).toContain('body.sla.atRiskThreshold');
  });

  test('a change is stored, versioned and audited; a stale one is a 409', async () => {
    const put = await s.call('PUT', '/api/v1/settings/sla', {
      token: s.tokens.teamLeader,
      body: { sla: changed, baseVersion: 0 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ sla: changed, version: 1, updatedBy: s.ids.teamLeader });
    const read = await s.call('GET', '/api/v1/settings/sla', { token: s.tokens.consultantMolde });
    expect(read.body).toEqual(put.body);

    const stale = await s.call('PUT', '/api/v1/settings/sla', {
      token: s.tokens.admin,
      body: { sla: defaultSlaConfig, baseVersion: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.rule).toBe('settings.staleVersion');

    const back = await s.call('PUT', '/api/v1/settings/sla', {
      token: s.tokens.admin,
      body: { sla: defaultSlaConfig, baseVersion: 1 },
    });
    expect(back.body.version).toBe(2);

    const audit = await s.call('GET', '/api/v1/settings/sla/audit', { token: s.tokens.teamLeader });
    expect(audit.status).toBe(200);
    expect(
      audit.body.entries.map((e: { version: number; changedBy: string; deviceId: string }) => [
        e.version,
        e.changedBy,
        e.deviceId,
      ]),
    ).toEqual([
      [2, s.ids.admin, 'device-admin'],
      [1, s.ids.teamLeader, 'device-teamLeader'],
    ]);
    expect(audit.body.entries[1].old).toEqual(s.ctx.config.sla);
    expect(audit.body.entries[1].new).toEqual(changed);
    expect(
      (await s.call('GET', '/api/v1/settings/sla/audit', { token: s.tokens.agent })).status,
    ).toBe(403);
  });
});

describe.each(engines)('the SLA settings in force reach the clients on $name', (engine) => {
  let s: TestServer & { url: string };
  beforeAll(async () => {
    if (engine.available) s = await listeningTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const config = async (token: string) => {
    const res = await s.call('GET', '/api/v1/config', { token });
    expect(res.status).toBe(200);
    // Still a valid service configuration, as clients parse it (strictly).
    return serviceConfigSchema.parse(res.body);
  };

  test('GET /config serves the stored settings over the file, and clients are told at once', async () => {
    expect((await config(s.tokens.agent)).sla).toEqual(s.ctx.config.sla);
    const agent = await connectSse(`${s.url}/api/v1/events?token=${s.tokens.agent}`);
    const kari = await connectSse(`${s.url}/api/v1/events?token=${s.tokens.requesterKari}`);
    try {
      await agent.waitFor((m) => m.event === 'changes');
      const put = await s.call('PUT', '/api/v1/settings/sla', {
        token: s.tokens.teamLeader,
        body: { sla: changed, baseVersion: 0 },
      });
      expect(put.status).toBe(200);
      for (const client of [agent, kari]) {
        const message = await client.waitFor((m) => m.event === 'settingsChanged');
        expect(liveEventSchema.parse(JSON.parse(message.data))).toMatchObject({
          type: 'settingsChanged',
          key: 'sla',
          version: 1,
        });
      }
      // No case changed, so there is no "changes" poke beyond the one on connecting.
      expect(agent.messages.filter((m) => m.event === 'changes')).toHaveLength(1);
      expect((await config(s.tokens.agent)).sla).toEqual(changed);
      expect((await config(s.tokens.requesterKari)).sla).toEqual(changed);
      // The file's settings are untouched: they are the fallback.
      expect(s.ctx.config.sla).toEqual(defaultSlaConfig);

      // A refused (stale) change says nothing.
      const stale = await s.call('PUT', '/api/v1/settings/sla', {
        token: s.tokens.admin,
        body: { sla: defaultSlaConfig, baseVersion: 0 },
      });
      expect(stale.status).toBe(409);
      await new Promise((r) => setTimeout(r, 100));
      expect(agent.messages.filter((m) => m.event === 'settingsChanged')).toHaveLength(1);
      expect((await config(s.tokens.agent)).sla).toEqual(changed);
    } finally {
      agent.close();
      kari.close();
    }
  });
});

const pg = engines.find((e) => e.name === 'postgres')!;
describe('two servers on one PostgreSQL database', () => {
  it.skipIf(!pg.available)(
    'an SLA change through one reaches the clients of the other',
    async () => {
      const location = pg.freshLocation();
      const a = await listeningTestServer(pg, location);
      const b = await listeningTestServer(pg, location, false);
      try {
        const signIn = await b.signIn('agent');
        const client = await connectSse(`${b.url}/api/v1/events?token=${signIn.body.token}`);
        try {
          await client.waitFor((m) => m.event === 'changes');
          const put = await a.call('PUT', '/api/v1/settings/sla', {
            token: a.tokens.teamLeader,
            body: { sla: changed, baseVersion: 0 },
          });
          expect(put.status).toBe(200);
          const got = await client.waitFor((m) => m.event === 'settingsChanged');
          expect(JSON.parse(got.data)).toMatchObject({ key: 'sla', version: 1 });
          const fromB = await b.call('GET', '/api/v1/config', { token: signIn.body.token });
          expect(fromB.body.sla).toEqual(changed);
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
