import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, newCaseBody, type TestServer, testServer } from './helpers/test-server';

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

  test('an upload is an event in the case history, in the same global order', async () => {
    // A GIF's first bytes are text (GIF89a): the content must match the type (issue 18).
    const res = await upload(s.tokens.agent, 'GIF89a-', 'image/gif', 'feilmelding.gif');
    expect(res.status).toBe(201);
    expect(res.body.seq).toEqual(expect.any(Number));
    const read = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    const event = read.body.events.find(
      (e: { change: { type: string; attachmentId?: string } }) =>
        e.change.type === 'attachmentAdded' && e.change.attachmentId === res.body.id,
    );
    expect(event).toMatchObject({
      seq: res.body.seq,
      actorId: s.ids.agent,
      deviceId: 'device-agent',
      change: {
        type: 'attachmentAdded',
        attachmentId: res.body.id,
        fileName: 'feilmelding.gif',
        contentType: 'image/gif',
        sizeBytes: 7,
      },
    });
    expect(read.body.case.version).toBe(res.body.seq);
    // A syncing client hears of it too.
    const pulled = await s.call('GET', `/api/v1/sync/pull?after=${res.body.seq - 1}`, {
      token: s.tokens.consultantMolde,
    });
    expect(pulled.body.events.map((e: { seq: number }) => e.seq)).toEqual([res.body.seq]);
  });

  test('requesters attach to their own cases and see those events; not to others’ cases', async () => {
    const own = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: newCaseBody({
        channel: 'portal',
        priority: 'low',
        requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
      }),
    });
    const ownId = own.body.case.id as string;
    const mine = await s.call(
      'POST',
      `/api/v1/cases/${ownId}/attachments?fileName=${encodeURIComponent('skjerm.gif')}`,
      {
        token: s.tokens.requesterKari,
        rawBody: 'GIF89a',
        headers: { 'content-type': 'image/gif' },
      },
    );
    expect(mine.status).toBe(201);
    const read = await s.call('GET', `/api/v1/cases/${ownId}`, { token: s.tokens.requesterKari });
    expect(read.body.events.map((e: { change: { type: string } }) => e.change.type)).toEqual([
      'created',
      'attachmentAdded',
    ]);
    // Ola may not add to Kari's case, nor Kari to the agent's phone case.
    const ola = await s.call('POST', `/api/v1/cases/${ownId}/attachments?fileName=x.txt`, {
      token: s.tokens.requesterOla,
      rawBody: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(ola.status).toBe(404);
    const notHers = await upload(s.tokens.requesterKari, 'x', 'text/plain', 'x.txt');
    expect(notHers.status).toBe(404);
  });

  test('a refused upload leaves neither a row, a file nor an event', async () => {
    const before = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    // A consultant of another municipality may not read the case, so may not add to it.
    const rauma = await upload(s.tokens.consultantRauma, 'x', 'text/plain', 'x.txt');
    expect(rauma.status).toBe(404);
    const after = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    expect(after.body.events).toHaveLength(before.body.events.length);
    const files = readdirSync(join(s.ctx.options.dataDir, 'attachments', caseId));
    const rows = await s.ctx.db
      .selectFrom('attachments')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(files.sort()).toEqual(rows.map((r) => r.id).sort());
  });

  test('clients cannot record an upload that never happened', async () => {
    const fake = {
      type: 'attachmentAdded',
      attachmentId: crypto.randomUUID(),
      fileName: 'falsk.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1000,
    };
    const rest = await s.call('POST', `/api/v1/cases/${caseId}/changes`, {
      token: s.tokens.agent,
      body: { change: fake },
    });
    expect(rest.status).toBe(422);
    expect(rest.body.rule).toBe('attachment.uploadOnly');
    const push = await s.call('POST', '/api/v1/sync/push', {
      token: s.tokens.agent,
      body: { deviceId: 'device-agent', mutations: [mutation(caseId, fake)] },
    });
    expect(push.body.results[0]).toMatchObject({
      status: 'rejected',
      rule: 'attachment.uploadOnly',
    });
    const rows = await s.ctx.db
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', fake.attachmentId)
      .execute();
    expect(rows).toEqual([]);
  });

  test('a failing write transaction rolls back the row and removes the file', async () => {
    const before = await s.call('GET', `/api/v1/cases/${caseId}/attachments`, {
      token: s.tokens.agent,
    });
    // Something fails inside the write transaction, after the attachment row was inserted:
    // nothing of the upload may remain.
    const original = s.ctx.bus.publish;
    s.ctx.bus.publish = async () => {
      throw new Error('simulated failure inside the write transaction');
    };
    try {
      const res = await upload(s.tokens.agent, 'half', 'text/plain', 'halv.txt');
      expect(res.status).toBe(500);
    } finally {
      s.ctx.bus.publish = original;
    }
    const after = await s.call('GET', `/api/v1/cases/${caseId}/attachments`, {
      token: s.tokens.agent,
    });
    expect(after.body.attachments).toEqual(before.body.attachments);
    const files = readdirSync(join(s.ctx.options.dataDir, 'attachments', caseId));
    expect(files).toHaveLength(before.body.attachments.length);
    expect(
      before.body.attachments.every((a: { id: string }) =>
        existsSync(join(s.ctx.options.dataDir, 'attachments', caseId, a.id)),
      ),
    ).toBe(true);
  });

  test('public routes stay public next to the attachment routes', async () => {
    expect((await s.call('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await s.call('GET', '/api/v1/no-such-thing')).status).toBe(404);
  });
});
