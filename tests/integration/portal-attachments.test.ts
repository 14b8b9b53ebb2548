/**
 * A requester downloads the files on their own cases, as the portal does (bearer token,
 * `GET /api/v1/attachments/:id`), and nobody else's; staff read as before. On SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('portal attachments on $name', (engine) => {
  let s: TestServer;
  let kariFile: string;
  let phoneCaseFile: string;
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    const own = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: newCaseBody({
        channel: 'portal',
        priority: 'low',
        requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
      }),
    });
    const upload = (token: string, caseId: string, body: string) =>
      s.call('POST', `/api/v1/cases/${caseId}/attachments?fileName=skjerm%20%C3%A6.gif`, {
        token,
        rawBody: body,
        headers: { 'content-type': 'image/gif' },
      });
    kariFile = (await upload(s.tokens.requesterKari, own.body.case.id, 'GIF89a-kari')).body.id;
    // A phone case about Kari, registered by an agent: not her portal case.
    const phone = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody(),
    });
    phoneCaseFile = (await upload(s.tokens.agent, phone.body.case.id, 'GIF89a-agent')).body.id;
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const download = (id: string, token?: string) =>
    s.app.request(`/api/v1/attachments/${id}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  test.each([
    ['the requester, own case', 'requesterKari', 'kari', 200],
    ['another requester', 'requesterOla', 'kari', 404],
    ['the requester, a case that is not hers', 'requesterKari', 'phone', 404],
    ['an agent (staff as before)', 'agent', 'kari', 200],
    ['the municipality’s consultant', 'consultantMolde', 'kari', 200],
    ['another municipality’s consultant', 'consultantRauma', 'kari', 404],
    ['nobody signed in', null, 'kari', 401],
  ] as const)('%s → %i', async (_who, user, file, status) => {
    const id = file === 'kari' ? kariFile : phoneCaseFile;
    const response = await download(id, user ? s.tokens[user] : undefined);
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(await response.text()).toBe('GIF89a-kari');
      expect(response.headers.get('content-disposition')).toBe(
        "attachment; filename*=UTF-8''skjerm%20%C3%A6.gif",
      );
      expect(response.headers.get('content-type')).toBe('image/gif');
    }
  });
});
