/**
 * What the self-service portal reads besides cases: operational notices and the FAQ. Read by
 * everyone signed in, written by team leaders and admins; on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { type TestServer, testServer } from './helpers/test-server';

const now = new Date('2026-03-10T09:00:00Z');
const hour = 3600_000;
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * hour).toISOString();

describe.each(engines)('notices and FAQ on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine, {}, () => now);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('notices: written by team leaders and admins, read by all, in force only', async () => {
    const post = (token: string, body: Record<string, unknown>) =>
      s.call('POST', '/api/v1/notices', { token, body });
    const current = await post(s.tokens.teamLeader, {
      title: 'Fagsystemet for helse er nede',
      body: 'Vi arbeider med saka.',
      severity: 'critical',
      validFrom: at(-1),
      validTo: at(2),
    });
    expect(current.status).toBe(201);
    expect(current.body.notice).toMatchObject({ active: true, severity: 'critical' });
    expect((await post(s.tokens.admin, { title: 'Vedlikehald', validFrom: at(24) })).status).toBe(
      201,
    );
    expect(
      (
        await post(s.tokens.admin, {
          title: 'Berre Rauma',
          validFrom: at(-2),
          municipalityIds: ['rauma'],
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(s.tokens.admin, { title: 'Ute', validFrom: at(-5), validTo: at(-4) })).status,
    ).toBe(201);

    for (const who of ['agent', 'requesterKari', 'consultantMolde'] as const) {
      const refused = await post(s.tokens[who], { title: 'x', validFrom: at(0) });
      expect([who, refused.status]).toEqual([who, 403]);
    }

    const kari = await s.call('GET', '/api/v1/notices', { token: s.tokens.requesterKari });
    expect(kari.status).toBe(200);
    expect(kari.body.notices.map((n: { title: string }) => n.title)).toEqual([
      'Fagsystemet for helse er nede',
    ]);
    const ola = await s.call('GET', '/api/v1/notices', { token: s.tokens.requesterOla });
    expect(ola.body.notices.map((n: { title: string }) => n.title).sort()).toEqual([
      'Berre Rauma',
      'Fagsystemet for helse er nede',
    ]);
    const all = await s.call('GET', '/api/v1/notices?all=true', { token: s.tokens.teamLeader });
    expect(all.body.notices).toHaveLength(4);
    // `all` is for writers; others still get only what is in force.
    const agentAll = await s.call('GET', '/api/v1/notices?all=true', { token: s.tokens.agent });
    expect(agentAll.body.notices).toHaveLength(2);
    expect((await s.call('GET', '/api/v1/notices')).status).toBe(401);
  });

  test('notices: bad input names the field; change and delete', async () => {
    const bad = await s.call('POST', '/api/v1/notices', {
      token: s.tokens.admin,
      body: { title: '', validFrom: 'i morgon', municipalityIds: ['atlantis'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.title',
      'body.validFrom',
    ]);
    const unknownPlace = await s.call('POST', '/api/v1/notices', {
      token: s.tokens.admin,
      body: { title: 'x', validFrom: at(0), municipalityIds: ['atlantis'] },
    });
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.body.errors[0].path).toBe('body.municipalityIds');
    const backwards = await s.call('POST', '/api/v1/notices', {
      token: s.tokens.admin,
      body: { title: 'x', validFrom: at(2), validTo: at(1) },
    });
    expect(backwards.body.errors[0].path).toBe('body.validTo');

    const created = await s.call('POST', '/api/v1/notices', {
      token: s.tokens.admin,
      body: { title: 'Treg e-post', validFrom: at(-1), severity: 'warning' },
    });
    const id = created.body.notice.id;
    const changed = await s.call('PUT', `/api/v1/notices/${id}`, {
      token: s.tokens.teamLeader,
      body: { title: 'Treg e-post (løyst)', validFrom: at(-1), validTo: at(-0.5) },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.notice).toMatchObject({ title: 'Treg e-post (løyst)', active: false });
    expect(
      (await s.call('DELETE', `/api/v1/notices/${id}`, { token: s.tokens.agent })).status,
    ).toBe(403);
    expect(
      (await s.call('DELETE', `/api/v1/notices/${id}`, { token: s.tokens.admin })).status,
    ).toBe(204);
    expect(
      (await s.call('DELETE', `/api/v1/notices/${id}`, { token: s.tokens.admin })).status,
    ).toBe(404);
  });

  test('FAQ: search by every word, written by team leaders and admins only', async () => {
    const add = (token: string, body: Record<string, unknown>) =>
      s.call('POST', '/api/v1/faq', { token, body });
    expect(
      (
        await add(s.tokens.teamLeader, {
          question: 'Korleis byter eg passord?',
          answer: 'Trykk Ctrl+Alt+Del og vel «Endre passord».',
          categoryId: 'login-password',
          sortOrder: 1,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add(s.tokens.admin, {
          question: 'Skrivaren skriv ikkje ut',
          answer: 'Sjekk at skrivaren har papir og er slått på.',
          categoryId: 'printer',
          sortOrder: 2,
        })
      ).status,
    ).toBe(201);
    expect((await add(s.tokens.agent, { question: 'x', answer: 'y' })).status).toBe(403);
    expect((await add(s.tokens.requesterKari, { question: 'x', answer: 'y' })).status).toBe(403);
    const unknown = await add(s.tokens.admin, { question: 'x', answer: 'y', categoryId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('body.categoryId');

    const all = await s.call('GET', '/api/v1/faq', { token: s.tokens.requesterKari });
    expect(all.body.articles.map((a: { question: string }) => a.question)).toEqual([
      'Korleis byter eg passord?',
      'Skrivaren skriv ikkje ut',
    ]);
    const found = await s.call('GET', `/api/v1/faq?q=${encodeURIComponent('PASSORD ctrl')}`, {
      token: s.tokens.requesterOla,
    });
    expect(found.body.articles.map((a: { question: string }) => a.question)).toEqual([
      'Korleis byter eg passord?',
    ]);
    const none = await s.call('GET', '/api/v1/faq?q=passord%20papir', {
      token: s.tokens.requesterOla,
    });
    expect(none.body.articles).toEqual([]);

    const id = all.body.articles[1].id;
    const changed = await s.call('PUT', `/api/v1/faq/${id}`, {
      token: s.tokens.admin,
      body: {
        question: 'Skrivaren skriv ikkje ut',
        answer: 'Start skrivaren på nytt.',
        sortOrder: 0,
      },
    });
    expect(changed.status).toBe(200);
    const again = await s.call('GET', '/api/v1/faq', { token: s.tokens.agent });
    expect(again.body.articles[0]).toMatchObject({
      answer: 'Start skrivaren på nytt.',
      categoryId: null,
    });
    expect(
      (await s.call('DELETE', `/api/v1/faq/${id}`, { token: s.tokens.teamLeader })).status,
    ).toBe(204);
    expect((await s.call('GET', '/api/v1/faq')).status).toBe(401);
  });
});
