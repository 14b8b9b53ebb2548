/**
 * The portal's promises, enforced by the server whatever a client sends: a requester's case
 * goes to the service (line 1, nobody assigned) and can never be addressed to a named
 * consultant; a requester sees only the public part of the history; confirm and reopen are
 * theirs, nothing else. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, type TestServer, testServer } from './helpers/test-server';

const portalCase = (userId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Skrivaren skriv ikkje ut',
  description: 'Papirstopp.',
  priority: 'low',
  priorityAnswers: { completeLoss: false },
  channel: 'portal',
  requester: { name: 'Kari', municipalityId: 'molde', userId },
  categoryId: 'printer',
  formValues: { printerName: '2. etasje', problem: 'paper-jam' },
  ...extra,
});

describe.each(engines)('portal cases on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  test('no field, change or push addresses a case to a named consultant', async () => {
    const kari = s.tokens.requesterKari;
    const consultant = s.ids.consultantMolde;
    // Naming an assignee in the create body: refused, or at the very least ignored.
    const named = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari, { assigneeId: consultant, line: 2 }),
    });
    if (named.status === 201) {
      expect(named.body.case).toMatchObject({ assigneeId: null, line: 1, status: 'new' });
    } else {
      expect(named.status).toBe(400);
    }
    const created = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari),
    });
    expect(created.status).toBe(201);
    expect(created.body.case).toMatchObject({ assigneeId: null, line: 1, channel: 'portal' });
    const id = created.body.case.id;

    const assign = await s.call('POST', `/api/v1/cases/${id}/changes`, {
      token: kari,
      body: { change: { type: 'assigned', assigneeId: consultant } },
    });
    expect(assign.status).toBe(403);
    expect(assign.body.rule).toBe('requester.cannotAssign');
    const escalate = await s.call('POST', `/api/v1/cases/${id}/changes`, {
      token: kari,
      body: { change: { type: 'escalated', toLine: 2, reason: 'Eg vil ha Ola' } },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.body.rule).toBe('requester.cannotEscalate');
    const push = await s.call('POST', '/api/v1/sync/push', {
      token: kari,
      body: {
        deviceId: 'portal',
        mutations: [mutation(id, { type: 'assigned', assigneeId: consultant }, 1)],
      },
    });
    expect(push.body.results[0]).toMatchObject({
      status: 'rejected',
      rule: 'requester.cannotAssign',
    });

    const after = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.agent });
    expect(after.body.case).toMatchObject({ assigneeId: null, line: 1 });
    expect(after.body.events.map((e: { change: { type: string } }) => e.change.type)).toEqual([
      'created',
    ]);
  });

  test('a portal form is checked against its category on the server', async () => {
    const kari = s.tokens.requesterKari;
    const missing = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari, { formValues: { problem: 'paper-jam' } }),
    });
    expect(missing.status).toBe(422);
    expect(missing.body.rule).toBe('case.formInvalid');
    const unknown = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari, { categoryId: 'no-such-category' }),
    });
    expect(unknown.status).toBe(422);
  });

  test('"Eg har ikkje nett" reaches the agents: stored on the case, in the list and in pull', async () => {
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: portalCase(s.ids.requesterKari, {
        requester: {
          name: 'Kari',
          municipalityId: 'molde',
          userId: s.ids.requesterKari,
          contact: '900 12 345',
          noNetwork: true,
        },
      }),
    });
    expect(created.status).toBe(201);
    const id = created.body.case.id as string;
    const read = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.agent });
    expect(read.body.case.requester).toMatchObject({ contact: '900 12 345', noNetwork: true });
    const listed = await s.call('GET', '/api/v1/cases?limit=200', { token: s.tokens.agent });
    const row = listed.body.cases.find((c: { id: string }) => c.id === id);
    expect(row.requester.noNetwork).toBe(true);
    const pulled = await s.call('GET', '/api/v1/sync/pull?after=0&limit=1000', {
      token: s.tokens.agent,
    });
    const inPull = JSON.stringify(pulled.body);
    expect(inPull).toContain(id);
    expect(inPull).toContain('"noNetwork":true');
    // Not a yes/no: refused, naming the field.
    const bad = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: portalCase(s.ids.requesterKari, {
        requester: {
          name: 'Kari',
          municipalityId: 'molde',
          userId: s.ids.requesterKari,
          noNetwork: 'ja',
        },
      }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('noNetwork');
  });

  test('a requester may not claim more than the definitions give, nor report for others', async () => {
    const kari = s.tokens.requesterKari;
    const critical = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari, { priority: 'critical' }),
    });
    expect(critical.status).toBe(422);
    expect(critical.body.rule).toBe('priority.aboveDefinition');
    const forOla = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterOla),
    });
    expect(forOla.status).toBe(403);
    const byPhone = await s.call('POST', '/api/v1/cases', {
      token: kari,
      body: portalCase(s.ids.requesterKari, { channel: 'phone' }),
    });
    expect(byPhone.status).toBe(403);
  });

  test('the requester sees the public history only, and may confirm or reopen', async () => {
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: portalCase(s.ids.requesterKari),
    });
    const id = created.body.case.id;
    const change = (token: string, body: Record<string, unknown>) =>
      s.call('POST', `/api/v1/cases/${id}/changes`, { token, body: { change: body } });
    const comment = (body: string, visibility: string) => ({
      type: 'commented',
      commentId: crypto.randomUUID(),
      body,
      visibility,
    });
    expect((await change(s.tokens.agent, comment('Intern: sjekk driver', 'internal'))).status).toBe(
      200,
    );
    expect((await change(s.tokens.agent, comment('Prøv å skrive ut no', 'requester'))).status).toBe(
      200,
    );
    expect(
      (
        await change(s.tokens.agent, {
          type: 'worklogAdded',
          entryId: crypto.randomUUID(),
          minutes: 10,
          line: 1,
        })
      ).status,
    ).toBe(200);
    expect((await change(s.tokens.requesterKari, comment('Hemmeleg', 'internal'))).status).toBe(
      403,
    );

    const seen = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.requesterKari });
    const types = seen.body.events.map((e: { change: { type: string } }) => e.change.type);
    expect(types).toEqual(['created', 'commented']);
    expect(JSON.stringify(seen.body.events)).not.toContain('Intern: sjekk driver');
    const agentView = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.agent });
    expect(agentView.body.events).toHaveLength(4);

    // Confirm is only for a resolved case; then reopen.
    const early = await change(s.tokens.requesterKari, { type: 'statusChanged', status: 'closed' });
    expect([403, 422]).toContain(early.status);
    await change(s.tokens.agent, { type: 'statusChanged', status: 'inProgress' });
    // Resolving without telling the requester what was done is refused.
    const silent = await change(s.tokens.agent, { type: 'statusChanged', status: 'resolved' });
    expect(silent.status).toBe(422);
    expect(JSON.stringify(silent.body)).toContain('status.resolutionNoteRequired');
    await change(s.tokens.agent, {
      type: 'statusChanged',
      status: 'resolved',
      note: 'Bytte tonerkassett',
    });
    const confirmed = await change(s.tokens.requesterKari, {
      type: 'statusChanged',
      status: 'closed',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.case.status).toBe('closed');
    const reopened = await change(s.tokens.requesterKari, {
      type: 'statusChanged',
      status: 'reopened',
      note: 'Papirstopp igjen',
    });
    expect(reopened.body.case.status).toBe('reopened');
    // Other requesters cannot even see it.
    const ola = await s.call('GET', `/api/v1/cases/${id}`, { token: s.tokens.requesterOla });
    expect(ola.status).toBe(404);
  });
});
