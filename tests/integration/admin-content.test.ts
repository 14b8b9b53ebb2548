/**
 * Administration in the app, on SQLite and PostgreSQL: the municipality directory (seeded
 * once, then the database's; drift reported; add, rename, retire), categories with forms,
 * templates, statements, notices and FAQ in three languages, and the audit log every change
 * writes (filter, paging, CSV). What each role may change is enforced here, on the server.
 */
import { defaultServiceConfig } from '@core/config';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeServerContext, createServerContext } from '../../src/server/server';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

// A clock that moves a second per reading, so the log's order (newest first) is the order of
// the changes.
let tick = Date.parse('2026-03-10T09:00:00Z');
const clock = () => {
  tick += 1000;
  return new Date(tick);
};

describe.each(engines)('administration on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine, {}, clock);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('the directory: seeded from the file, then added to, renamed and retired', async () => {
    const get = () => s.call('GET', '/api/v1/admin/municipalities', { token: s.tokens.teamLeader });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.body.municipalities.map((m: { id: string }) => m.id)).toEqual(
      defaultServiceConfig.municipalities.map((m) => m.id),
    );
    expect(first.body.drift).toEqual([]);

    const hustadvika = {
      id: 'nye-fjord',
      name: 'Nye Fjord kommune',
      line2Group: { name: 'IKT Nye Fjord', consultantIds: [s.ids.consultantMolde] },
      units: [{ id: 'helse', name: 'Helse og omsorg' }],
    };
    for (const who of ['agent', 'consultantMolde', 'requesterKari'] as const) {
      const refused = await s.call('POST', '/api/v1/admin/municipalities', {
        token: s.tokens[who],
        body: hustadvika,
      });
      expect([who, refused.status]).toEqual([who, 403]);
    }
    const bad = await s.call('POST', '/api/v1/admin/municipalities', {
      token: s.tokens.admin,
      body: { ...hustadvika, line2Group: { name: 'x', consultantIds: [s.ids.agent] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.line2Group.consultantIds.0');
    // Every client is told at once (a settingsChanged live event, from the commit).
    const announced: string[] = [];
    const stop = s.ctx.bus.subscribe((m) => {
      if (m.settingsChanged) announced.push(m.settingsChanged.key);
    });
    const added = await s.call('POST', '/api/v1/admin/municipalities', {
      token: s.tokens.teamLeader,
      body: hustadvika,
    });
    expect(added.status).toBe(201);
    await vi.waitFor(() => expect(announced).toContain('municipalities'));
    stop();
    const twice = await s.call('POST', '/api/v1/admin/municipalities', {
      token: s.tokens.teamLeader,
      body: hustadvika,
    });
    expect(twice.status).toBe(409);

    // Clients read the live directory through /config; the case rules use it at once.
    const config = await s.call('GET', '/api/v1/config', { token: s.tokens.agent });
    expect(config.body.municipalities.at(-1)).toMatchObject({ id: 'nye-fjord' });
    const made = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody({ requester: { name: 'Per', municipalityId: 'nye-fjord' } }),
    });
    expect(made.status).toBe(201);

    const renamed = await s.call('PUT', '/api/v1/admin/municipalities/nye-fjord', {
      token: s.tokens.teamLeader,
      body: { ...hustadvika, name: 'Fjord kommune' },
    });
    expect(renamed.status).toBe(200);
    const retired = await s.call('PUT', '/api/v1/admin/municipalities/nye-fjord', {
      token: s.tokens.admin,
      body: { ...hustadvika, name: 'Fjord kommune', retired: true },
    });
    expect(retired.status).toBe(200);
    // Retired: no new case there, but the old case is still read and worked.
    const refused = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody({ requester: { name: 'Per', municipalityId: 'nye-fjord' } }),
    });
    expect([refused.status, refused.body.rule]).toEqual([422, 'case.unknownMunicipality']);
    const comment = await s.call('POST', `/api/v1/cases/${made.body.case.id}/changes`, {
      token: s.tokens.agent,
      body: {
        change: {
          type: 'commented',
          commentId: crypto.randomUUID(),
          body: 'Sjekka',
          visibility: 'internal',
        },
      },
    });
    expect(comment.status).toBe(200);
    const listed = await get();
    expect(
      listed.body.municipalities.find((m: { id: string }) => m.id === 'nye-fjord'),
    ).toMatchObject({
      name: 'Fjord kommune',
      retired: true,
    });

    const log = await s.call('GET', '/api/v1/audit?action=municipality.', {
      token: s.tokens.admin,
    });
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'municipality.retire',
      'municipality.update',
      'municipality.create',
      'municipality.seed',
    ]);
    expect(log.body.entries[2]).toMatchObject({
      actorId: s.ids.teamLeader,
      actorName: 'teamLeader',
    });
  });

  test('categories, notices, FAQ, templates, statements and SLA settings are audited', async () => {
    const tl = s.tokens.teamLeader;
    const category = {
      id: 'nettbrett',
      name: { nn: 'Nettbrett', nb: 'Nettbrett', en: 'Tablet' },
      description: { nn: 'Nettbrett i tenesta', nb: 'Nettbrett i tjenesten', en: 'Tablets' },
      fields: [
        {
          id: 'model',
          type: 'select',
          required: true,
          label: { nn: 'Modell', nb: 'Modell', en: 'Model' },
          options: [{ id: 'ipad', label: { nn: 'iPad', nb: 'iPad', en: 'iPad' } }],
        },
      ],
    };
    expect(
      (
        await s.call('PUT', '/api/v1/categories/nettbrett', {
          token: s.tokens.agent,
          body: category,
        })
      ).status,
    ).toBe(403);
    expect(
      (await s.call('PUT', '/api/v1/categories/nettbrett', { token: tl, body: category })).status,
    ).toBe(200);
    const badField = await s.call('PUT', '/api/v1/categories/nettbrett', {
      token: tl,
      body: {
        ...category,
        fields: [{ ...category.fields[0], label: { nn: 'Modell', nb: '', en: 'Model' } }],
      },
    });
    expect(badField.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.fields.0.label.nb',
    ]);
    expect(
      (
        await s.call('PUT', '/api/v1/categories/nettbrett', {
          token: tl,
          body: { ...category, retired: true },
        })
      ).status,
    ).toBe(200);

    const notice = await s.call('POST', '/api/v1/notices', {
      token: tl,
      body: {
        title: 'Nettbrett-appen er nede',
        body: 'Vi arbeider med saka.',
        severity: 'warning',
        categoryIds: ['nettbrett'],
        translations: {
          en: { title: 'The tablet app is down', body: '' },
          nb: { title: '', body: '' },
        },
        validFrom: '2026-03-10T08:00:00Z',
      },
    });
    expect(notice.status).toBe(201);
    expect(notice.body.notice.translations).toEqual({
      en: { title: 'The tablet app is down', body: '' },
    });
    const badNotice = await s.call('POST', '/api/v1/notices', {
      token: tl,
      body: {
        title: 'x',
        validFrom: '2026-03-10T08:00:00Z',
        translations: { nb: { title: '', body: 'Tekst' } },
      },
    });
    expect(badNotice.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.translations.nb.title',
    ]);

    const faq = await s.call('POST', '/api/v1/faq', {
      token: tl,
      body: {
        question: 'Korleis startar eg nettbrettet på nytt?',
        answer: 'Hald inne straumknappen.',
        categoryIds: ['nettbrett'],
        translations: {
          en: { question: 'How do I restart the tablet?', answer: 'Hold the power button.' },
        },
      },
    });
    expect(faq.status).toBe(201);
    const search = await s.call('GET', '/api/v1/faq?q=restart', { token: s.tokens.requesterKari });
    expect(search.body.articles.map((a: { id: string }) => a.id)).toEqual([faq.body.article.id]);

    const template = await s.call('POST', '/api/v1/templates', {
      token: tl,
      body: {
        name: 'Løyst',
        body: 'Sak {caseNumber} er løyst, {requester}.',
        setsStatus: 'resolved',
        lines: [1],
      },
    });
    expect(template.status).toBe(201);
    const badTemplate = await s.call('POST', '/api/v1/templates', {
      token: tl,
      body: { name: 'x', body: 'Ring {telefon}' },
    });
    expect(badTemplate.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.body']);
    const templates = await s.call('GET', '/api/v1/templates', { token: s.tokens.agent });
    expect(templates.body.templates).toHaveLength(1);
    expect(
      (await s.call('GET', '/api/v1/templates', { token: s.tokens.requesterKari })).status,
    ).toBe(403);

    expect((await s.call('GET', '/api/v1/statements/accessibility')).body.updatedAt).toBeNull();
    const statement = await s.call('PUT', '/api/v1/statements/accessibility', {
      token: tl,
      body: { title: 'Tilgjengelegheitserklæring', body: 'Portalen følgjer WCAG 2.1 AA.' },
    });
    expect(statement.status).toBe(200);
    expect((await s.call('GET', '/api/v1/statements/accessibility')).body.title).toBe(
      'Tilgjengelegheitserklæring',
    );

    const sla = await s.call('GET', '/api/v1/settings/sla', { token: tl });
    const changed = structuredClone(sla.body.sla);
    changed.atRiskThreshold = 0.8;
    expect(
      (
        await s.call('PUT', '/api/v1/settings/sla', {
          token: tl,
          body: { sla: changed, baseVersion: sla.body.version },
        })
      ).status,
    ).toBe(200);

    const log = await s.call('GET', `/api/v1/audit?actorId=${s.ids.teamLeader}&limit=3`, {
      token: s.tokens.admin,
    });
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'settings.sla',
      'statement.update',
      'template.create',
    ]);
    const page2 = await s.call(
      'GET',
      `/api/v1/audit?actorId=${s.ids.teamLeader}&limit=3&before=${encodeURIComponent(log.body.next)}`,
      { token: s.tokens.admin },
    );
    expect(page2.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'faq.create',
      'notice.create',
      'category.retire',
    ]);
    const csv = await s.call('GET', '/api/v1/audit/export?action=category.&lang=en', {
      token: s.tokens.admin,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Time (UTC);Who;User id;Action;Type;Id;Summary;Details;Device;Address');
    expect(lines.slice(1).map((l) => l.split(';')[3])).toEqual([
      'category.retire',
      'category.create',
    ]);
    expect((await s.call('GET', '/api/v1/audit', { token: s.tokens.agent })).status).toBe(403);
    const badFilter = await s.call('GET', '/api/v1/audit?from=i+går', { token: s.tokens.admin });
    expect(badFilter.body.errors[0].path).toBe('query.from');
  });
});

describe.each(engines)('the file after the first start on $name', (engine) => {
  it.skipIf(!engine.available)('is reported as drift, not applied over the database', async () => {
    const location = engine.freshLocation();
    const first = await createServerContext({ ...location, options: { staticDir: null } });
    await closeServerContext(first);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [molde, ...rest] = defaultServiceConfig.municipalities;
    const config = {
      ...defaultServiceConfig,
      municipalities: [
        { ...molde!, name: 'Molde by' },
        ...rest.slice(1),
        { id: 'ny', name: 'Ny kommune', line2Group: null },
      ],
    };
    const second = await createServerContext({ ...location, config, options: { staticDir: null } });
    try {
      expect(second.directory.drift.map((d) => `${d.municipalityId} ${d.kind}`)).toEqual([
        'molde changed',
        'ny added',
        `${rest[0]!.id} removed`,
      ]);
      expect(warn.mock.calls.flat().join('\n')).toContain('not applied');
      // The database stays the truth.
      expect(second.directory.find('molde')?.name).toBe(molde!.name);
      expect(second.directory.find('ny')).toBeUndefined();
      expect(second.config.municipalities.map((m) => m.id)).toEqual(
        defaultServiceConfig.municipalities.map((m) => m.id),
      );
    } finally {
      warn.mockRestore();
      await closeServerContext(second);
    }
  });
});

describe.each(engines.filter((e) => e.name === 'postgres'))(
  'two server processes on $name',
  (engine) => {
    it.skipIf(!engine.available)(
      'a change made through one reaches the other’s directory',
      async () => {
        const location = engine.freshLocation();
        const one = await createServerContext({ ...location, options: { staticDir: null } });
        const two = await createServerContext({ ...location, options: { staticDir: null } });
        try {
          const { adminChange } = await import('../../src/server/admin/admin-change');
          await adminChange(one, { id: null, name: 'test' }, async (trx) => {
            await trx
              .insertInto('municipalities')
              .values({
                id: 'ny',
                definition: JSON.stringify({ id: 'ny', name: 'Ny kommune', line2Group: null }),
                sort_order: 99,
                updated_by: 'test',
                updated_at: new Date().toISOString(),
              })
              .execute();
            return {
              result: null,
              audit: {
                action: 'municipality.create',
                targetType: 'municipality',
                targetId: 'ny',
                summary: 'x',
              },
              announce: 'municipalities',
            };
          });
          await vi.waitFor(() => expect(two.directory.find('ny')?.name).toBe('Ny kommune'));
          expect(two.config.municipalities.some((m) => m.id === 'ny')).toBe(true);
        } finally {
          await closeServerContext(one);
          await closeServerContext(two);
        }
      },
    );
  },
);
