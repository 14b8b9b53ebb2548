/**
 * The API contract (src/core/api) is the one list of routes: every route the server mounts is
 * in it and in the OpenAPI document, with a real schema for every answer; and a refusal by a
 * rule carries the rule's id and parameters, so a client words it in its user's language.
 */
import { randomUUID } from 'node:crypto';
import { apiRoutes } from '@core/api';
import { formatRuleMessage, type RuleId } from '@core/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honoPath } from '../../src/server/http/contract-route';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

const [sqlite] = engines;

describe('the API contract', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(sqlite!);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists every route the server mounts, and the server mounts every route it lists', () => {
    const mounted = new Set(
      s.app.routes
        .filter((r) => r.method !== 'ALL')
        // The web app and portal pages are files, not API routes.
        .filter((r) => r.path.startsWith('/api/') || !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set(apiRoutes.map((r) => `${r.method.toUpperCase()} ${honoPath(r.path)}`));
    expect([...mounted].filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !mounted.has(r))).toEqual([]);
  });

  it('documents every route with its parameters, body and every answer', async () => {
    const doc = (await s.call('GET', '/api/v1/openapi.json')).body;
    const ids = new Set<string>();
    for (const route of apiRoutes) {
      const op = doc.paths[route.path]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      ids.add(op.operationId);
      for (const [status, spec] of Object.entries(route.responses)) {
        const answer = op.responses[status];
        expect(answer, `${route.id} ${status}`).toBeDefined();
        if (spec.schema !== null) {
          const schema = answer.content['application/json'].schema;
          // A real schema, never a bare `{type: object}`.
          expect(
            Object.keys(schema.properties ?? {}).length > 0 || schema.anyOf || schema.allOf,
            `${route.id} ${status} has a real schema`,
          ).toBeTruthy();
        }
      }
      for (const status of Object.keys(route.problems)) {
        expect(op.responses[status], `${route.id} problem ${status}`).toBeDefined();
      }
      if (route.body) expect(op.requestBody, `${route.id} body`).toBeDefined();
    }
    expect(ids.size).toBe(apiRoutes.length);
    for (const path of ['/api/v1/settings/sla', '/api/v1/faq/{id}', '/api/v1/categories/{id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('a refusal carries the rule and its parameters, so it reads in Nynorsk', async () => {
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody(),
    });
    const id = created.body.case.id;
    const refused = await s.call('POST', `/api/v1/cases/${id}/changes`, {
      token: s.tokens.agent,
      headers: { 'idempotency-key': randomUUID() },
      body: { change: { type: 'assigned', assigneeId: s.ids.consultantMolde } },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.rule).toEqual(expect.any(String));
    expect(refused.body.params).toEqual(expect.any(Object));
    const nynorsk = formatRuleMessage(refused.body.rule as RuleId, 'nn', refused.body.params);
    expect(nynorsk).not.toBe(refused.body.detail);
    expect(nynorsk.length).toBeGreaterThan(0);
  });
});
