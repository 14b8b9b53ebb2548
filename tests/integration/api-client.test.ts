/**
 * The web client (src/web/api) against the real server over HTTP on loopback: requests built
 * from the contract, answers parsed with its schemas, and every failure one `ApiError` with
 * the problem document (its rule and parameters) when the server sent one.
 */

import type { RouteInput } from '@core/api';
import {
  changeCase,
  createCase,
  getCase,
  getServiceStatus,
  listCases,
  signIn,
  uploadAttachment,
} from '@core/api';
import { ApiError, createApiClient } from '@web/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import {
  listeningTestServer,
  newCaseBody,
  type TestServer,
  testPassword,
} from './helpers/test-server';

const [sqlite] = engines;
const caseBody = (overrides: Record<string, unknown> = {}) =>
  newCaseBody(overrides) as RouteInput<typeof createCase>['body'];

describe('the web API client against the server', () => {
  let s: TestServer & { url: string };
  let token: string | null = null;
  beforeAll(async () => {
    s = await listeningTestServer(sqlite!);
  });
  afterAll(async () => {
    await s?.close();
  });
  const client = () => createApiClient({ baseUrl: s.url, getToken: () => token });

  it('signs in and calls routes with parameters, query and body', async () => {
    const signedIn = await client().call(signIn, {
      body: { username: 'agent', password: testPassword, deviceId: 'client-test' },
    });
    expect(signedIn.user.role).toBe('agent');
    token = signedIn.token;

    const created = await client().call(createCase, { body: caseBody() });
    expect(created.case.number).toMatch(/^\d{4}-\d{5}$/);
    const page = await client().call(listCases, { query: { status: ['new'], limit: 5 } });
    expect(page.cases.map((c) => c.id)).toContain(created.case.id);
    const one = await client().call(getCase, { params: { id: created.case.number! } });
    expect(one.events[0]?.change.type).toBe('created');
    const status = await client().call(getServiceStatus, {
      query: { at: '2026-12-25T10:00:00+01:00' },
    });
    expect(status.supportOpen).toBe(false);
  });

  it('sends a file body as the file, with its type', async () => {
    const created = await client().call(createCase, { body: caseBody() });
    // A whole PNG signature: the server checks a file's first bytes against its type.
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const file = new Blob([new Uint8Array(signature)], { type: 'image/png' });
    const stored = await client().call(uploadAttachment, {
      params: { id: created.case.id },
      query: { fileName: 'skjerm.png' },
      body: file,
    });
    expect(stored).toMatchObject({ fileName: 'skjerm.png', contentType: 'image/png', size: 8 });
  });

  it('a refusal is an ApiError with the rule and its parameters', async () => {
    const created = await client().call(createCase, { body: caseBody() });
    const refused = await client()
      .call(changeCase, {
        params: { id: created.case.id },
        body: { change: { type: 'assigned', assigneeId: s.ids.consultantMolde } },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    const error = refused as ApiError;
    expect(error.failure).toBe('problem');
    expect(error.rule).toEqual(expect.any(String));
    expect(Object.keys(error.params).length).toBeGreaterThan(0);
  });

  it('bad input names the field; a missing token reports 401; no server is a network failure', async () => {
    const bad = (await client()
      .call(createCase, { body: caseBody({ title: '' }) })
      .catch((e: unknown) => e)) as ApiError;
    expect(bad.status).toBe(400);
    expect(bad.problem?.errors?.map((e) => e.path)).toContain('body.title');

    let told = 0;
    const anonymous = createApiClient({
      baseUrl: s.url,
      getToken: () => null,
      onUnauthorized: () => told++,
    });
    const unauthorized = (await anonymous.call(listCases, {}).catch((e: unknown) => e)) as ApiError;
    expect([unauthorized.status, told]).toEqual([401, 1]);

    const nowhere = createApiClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => null });
    const offline = (await nowhere.call(getServiceStatus, {}).catch((e: unknown) => e)) as ApiError;
    expect(offline.failure).toBe('network');
  });
});
