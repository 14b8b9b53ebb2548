/**
 * The notice and FAQ payloads are core's contracts (src/core/content): what the server returns
 * parses with the schemas the portal reads with, and the OpenAPI document describes them.
 */

import { faqArticleSchema, noticeSchema } from '@core/content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engines } from './helpers/engines';
import { type TestServer, testServer } from './helpers/test-server';

const now = new Date('2026-03-10T09:00:00Z');

describe.each(engines)('notice and FAQ contracts on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine, {}, () => now);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('notices as written and read parse with core’s notice schema', async () => {
    const created = await s.call('POST', '/api/v1/notices', {
      token: s.tokens.teamLeader,
      body: {
        title: 'Nettet i Molde er nede',
        severity: 'critical',
        municipalityIds: ['molde'],
        // An offset other than UTC: the window is compared as instants.
        validFrom: '2026-03-10T09:30:00+01:00',
        validTo: '2026-03-10T12:00:00+01:00',
      },
    });
    expect(created.status).toBe(201);
    const notice = noticeSchema.parse(created.body.notice);
    expect(notice).toMatchObject({ active: true, municipalityIds: ['molde'] });
    const read = await s.call('GET', '/api/v1/notices', { token: s.tokens.requesterKari });
    const notices = z.array(noticeSchema).parse(read.body.notices);
    expect(notices.map((n) => n.id)).toEqual([notice.id]);
    const ola = await s.call('GET', '/api/v1/notices', { token: s.tokens.requesterOla });
    expect(ola.body.notices).toEqual([]);
  });

  test('FAQ articles parse with core’s article schema', async () => {
    const created = await s.call('POST', '/api/v1/faq', {
      token: s.tokens.admin,
      body: { question: 'Korleis byter eg passord?', answer: 'Gå til Min side.' },
    });
    expect(created.status).toBe(201);
    expect(faqArticleSchema.parse(created.body.article)).toMatchObject({ sortOrder: 0 });
    const read = await s.call('GET', '/api/v1/faq?q=PASSORD', { token: s.tokens.requesterOla });
    expect(z.array(faqArticleSchema).parse(read.body.articles)).toHaveLength(1);
  });

  test('the OpenAPI document describes the notice and FAQ payloads', async () => {
    const doc = (await s.call('GET', '/api/v1/openapi.json')).body;
    const notices =
      doc.paths['/api/v1/notices'].get.responses['200'].content['application/json'].schema
        .properties.notices.items;
    expect(notices.properties.severity.enum).toEqual(['info', 'warning', 'critical']);
    const articles =
      doc.paths['/api/v1/faq'].get.responses['200'].content['application/json'].schema.properties
        .articles.items;
    expect(Object.keys(articles.properties)).toEqual(
      expect.arrayContaining(['question', 'answer', 'categoryId']),
    );
    expect(doc.paths['/api/v1/notices/{id}'].put.requestBody).toBeDefined();
  });
});
