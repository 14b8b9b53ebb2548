import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('attachments on $name', (engine) => {
  let s: TestServer;
  let caseId: string;
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody(),
    });
    caseId = created.body.case.id;
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const upload = (token: string, body: string, type: string, fileName = 'skjermbilete.png') =>
    s.call('POST', `/api/v1/cases/${caseId}/attachments?fileName=${encodeURIComponent(fileName)}`, {
      token,
      rawBody: body,
      headers: { 'content-type': type },
    });

  test('upload, list and download, for those who may read the case', async () => {
    const res = await upload(s.tokens.agent, 'loggfil: feil 42', 'text/plain', 'logg æøå.txt');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'logg æøå.txt', size: 16, uploadedBy: s.ids.agent });
    const list = await s.call('GET', `/api/v1/cases/${caseId}/attachments`, {
      token: s.tokens.consultantMolde,
    });
    expect(list.body.attachments).toHaveLength(1);
    const file = await s.app.request(`/api/v1/attachments/${res.body.id}`, {
      headers: { authorization: `Bearer ${s.tokens.agent}` },
    });
    expect(await file.text()).toBe('loggfil: feil 42');
    expect(file.headers.get('content-disposition')).toContain(
      "UTF-8''logg%20%C3%A6%C3%B8%C3%A5.txt",
    );
    const rauma = await s.call('GET', `/api/v1/attachments/${res.body.id}`, {
      token: s.tokens.consultantRauma,
    });
    expect(rauma.status).toBe(404);
  });

  test('type, size and name are checked', async () => {
    const exe = await upload(s.tokens.agent, 'MZ', 'application/x-msdownload', 'virus.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.errors[0].path).toBe('header.content-type');
    const big = await upload(
      s.tokens.agent,
      'x'.repeat(s.ctx.config.attachments.maxBytes + 1),
      'text/plain',
    );
    expect(big.status).toBe(413);
    const name = await upload(s.tokens.agent, 'x', 'text/plain', '../../etc/passwd');
    expect(name.status).toBe(400);
    expect(name.body.errors[0].path).toBe('query.fileName');
  });

  test('public routes stay public next to the attachment routes', async () => {
    expect((await s.call('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await s.call('GET', '/api/v1/no-such-thing')).status).toBe(404);
  });
});
