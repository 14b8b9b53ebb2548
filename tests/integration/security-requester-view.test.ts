/**
 * Issue 18, item 4: a requester gets a public projection of their case from the server
 * (GET /cases/{id}, GET /cases, /sync/pull, push results): no escalation reasons or "what
 * was tried", no status or priority notes, no staff ids or devices, no links, no SLA timeline.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

const secrets = [
  'Hemmeleg grunn',
  'Prøvde å starte tenaren på nytt',
  'Intern statusnotat',
  'Intern prioritetsnotat',
];

describe.each(engines)('the requester’s view on $name', (engine) => {
  let s: TestServer;
  let caseId: string;
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    const change = async (id: string, body: unknown) => {
      const res = await s.call('POST', `/api/v1/cases/${id}/changes`, {
        token: s.tokens.agent,
        body: { change: body },
      });
      expect(res.status).toBe(200);
    };
    const other = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody({ title: 'Ein annan sak' }),
    });
    const created = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody({
        requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
      }),
    });
    caseId = created.body.case.id;
    await change(caseId, { type: 'assigned', assigneeId: s.ids.agent });
    await change(caseId, { type: 'statusChanged', status: 'inProgress', note: secrets[2] });
    await change(caseId, { type: 'prioritySet', priority: 'high', note: secrets[3] });
    await change(caseId, { type: 'linked', otherCaseId: other.body.case.id });
    await change(caseId, { type: 'escalated', toLine: 3, reason: secrets[0], tried: secrets[1] });
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  const staffIds = () =>
    Object.entries(s.ids)
      .filter(([name]) => !name.startsWith('requester'))
      .map(([, id]) => id);
  const expectPublic = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const id of staffIds()) expect(text).not.toContain(id);
    expect(text).not.toContain('device-agent');
  };

  test('GET /cases/{id}: the public projection, staff still see everything', async () => {
    const kari = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.requesterKari });
    expect(kari.status).toBe(200);
    expectPublic(kari.body);
    expect(kari.body.case).toMatchObject({ line: 3, priority: 'high', linkedCaseIds: [] });
    expect(kari.body.case.slaTimeline).toEqual([]);
    const types = kari.body.events.map((e: { change: { type: string } }) => e.change.type);
    expect(types).toEqual(['created', 'assigned', 'statusChanged', 'prioritySet', 'escalated']);
    expect(new Set(kari.body.events.map((e: { actorId: string }) => e.actorId))).toEqual(
      new Set(['support']),
    );

    const agent = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    expect(JSON.stringify(agent.body)).toContain(secrets[0]);
    expect(agent.body.case.linkedCaseIds).toHaveLength(1);
  });

  test('GET /cases and /sync/pull carry the same projection', async () => {
    const list = await s.call('GET', '/api/v1/cases', { token: s.tokens.requesterKari });
    expect(list.body.cases).toHaveLength(1);
    expectPublic(list.body);
    const pull = await s.call('GET', '/api/v1/sync/pull?after=0', {
      token: s.tokens.requesterKari,
    });
    expect(pull.status).toBe(200);
    expect(pull.body.cases).toHaveLength(1);
    expect(pull.body.events.length).toBeGreaterThan(0);
    expectPublic(pull.body);
  });

  test('the requester’s own comment keeps her id; push results name no staff', async () => {
    const push = await s.call('POST', '/api/v1/sync/push', {
      token: s.tokens.requesterKari,
      body: {
        deviceId: 'portal',
        mutations: [
          {
            mutationId: randomUUID(),
            caseId,
            baseVersion: 1,
            clientAt: new Date().toISOString(),
            change: {
              type: 'commented',
              commentId: randomUUID(),
              body: 'Det hastar',
              visibility: 'requester',
            },
          },
        ],
      },
    });
    expect(push.status).toBe(200);
    expect(push.body.results[0].status).toBe('applied');
    const kari = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.requesterKari });
    const own = kari.body.events.find(
      (e: { change: { type: string } }) => e.change.type === 'commented',
    );
    expect(own.actorId).toBe(s.ids.requesterKari);
    expectPublic(kari.body);
  });
});
