import { defaultServiceConfig, serviceConfigSchema } from '@core/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/demo-seed';
import { closeServerContext, createServerContext } from '../../src/server/server';
import { engines } from './helpers/engines';
import { type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('categories and demo data on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('categories come from the configuration; team leaders may add and change them', async () => {
    const list = await s.call('GET', '/api/v1/categories', { token: s.tokens.requesterKari });
    expect(list.body.categories.map((c: { id: string }) => c.id)).toEqual(
      defaultServiceConfig.categories.map((c) => c.id),
    );
    const first = structuredClone(defaultServiceConfig.categories[0]!);
    first.name = { nn: 'Skrivar og skannar', nb: 'Skriver og skanner', en: 'Printer and scanner' };
    expect(
      (
        await s.call('PUT', `/api/v1/categories/${first.id}`, {
          token: s.tokens.agent,
          body: first,
        })
      ).status,
    ).toBe(403);
    const put = await s.call('PUT', `/api/v1/categories/${first.id}`, {
      token: s.tokens.teamLeader,
      body: first,
    });
    expect(put.status).toBe(200);
    const one = await s.call('GET', `/api/v1/categories/${first.id}`, { token: s.tokens.agent });
    expect(one.body.name.nn).toBe('Skrivar og skannar');
    const bad = await s.call('PUT', '/api/v1/categories/ny', {
      token: s.tokens.admin,
      body: { ...first, id: 'ny', name: { nn: '' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.name.nn', 'body.name.nb']),
    );
  });

  test('the service configuration is served to signed-in clients', async () => {
    const res = await s.call('GET', '/api/v1/config', { token: s.tokens.agent });
    expect(serviceConfigSchema.parse(res.body).municipalities).toEqual(
      defaultServiceConfig.municipalities,
    );
    expect((await s.call('GET', '/api/v1/config')).status).toBe(401);
  });

  test('the demo organisation is seeded through the mutation path, once', async () => {
    const ctx = await createServerContext({
      ...engine.freshLocation(),
      options: { staticDir: null },
    });
    try {
      const summary = await seedDemo(ctx, { cases: 60 });
      expect(summary).toMatchObject({ cases: 60, rejected: 0 });
      const cases = await ctx.db.selectFrom('cases').select(['status', 'line']).execute();
      expect(cases).toHaveLength(60);
      expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(5);
      const events = await ctx.db.selectFrom('case_events').select('seq').execute();
      expect(events.length).toBeGreaterThan(120);
      expect(await seedDemo(ctx)).toBeNull();
    } finally {
      await closeServerContext(ctx);
    }
  });
});
