/** SLA settings over REST on both engines: read, validated change, roles, versions, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSlaConfig } from '../../src/core/sla';
import { engines } from './helpers/engines';
import { type TestServer, testServer } from './helpers/test-server';

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
