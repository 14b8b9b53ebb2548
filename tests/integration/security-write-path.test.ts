/**
 * Issue 18, item 3 and the write-path Lows: the client's clock and device are not trusted,
 * a reused mutation id with another body is a refusal, merge and link need a real readable
 * case, and a requester files cases under their own name and municipality.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('the write path on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (engine.available) s = await testServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const push = (token: string, mutations: unknown[], deviceId = 'laptop-1') =>
    s.call('POST', '/api/v1/sync/push', { token, body: { deviceId, mutations } });
  const created = (overrides: Record<string, unknown> = {}) => ({
    type: 'created',
    ...newCaseBody(overrides),
  });

  test('a clock in the year 2000 or 1800 cannot date a case or its first response', async () => {
    const caseId = randomUUID();
    const create = { ...mutation(caseId, created()), clientAt: '1800-01-01T00:00:00.000Z' };
    const res = await push(s.tokens.agent, [create], 'someone-elses-laptop');
    expect(res.body.results[0].status).toBe('applied');
    const ack = {
      ...mutation(caseId, { type: 'acknowledged' }, res.body.results[0].seq),
      clientAt: '2000-01-01T00:00:00.000Z',
    };
    expect((await push(s.tokens.agent, [ack])).body.results[0].status).toBe('applied');

    const got = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    const day = 24 * 3600_000;
    const oldest = Date.now() - 15 * day;
    expect(Date.parse(got.body.case.createdAt)).toBeGreaterThan(oldest);
    // Never before the case's own creation.
    expect(Date.parse(got.body.case.firstResponseAt)).toBeGreaterThanOrEqual(
      Date.parse(got.body.case.createdAt),
    );
    const [first, second] = got.body.events;
    // The server's time is kept; the client's claim is kept beside the time used, as a flag.
    expect(first.claimedClientAt).toBe('1800-01-01T00:00:00.000Z');
    expect(second.claimedClientAt).toBe('2000-01-01T00:00:00.000Z');
    expect(Math.abs(Date.parse(first.at) - Date.now())).toBeLessThan(60_000);
    // The device is the session's, not the one the body named.
    expect(first.deviceId).toBe('device-agent');
  });

  test('the same mutation id with another body is refused, not answered "applied"', async () => {
    const caseId = randomUUID();
    const first = mutation(caseId, created());
    expect((await push(s.tokens.agent, [first])).body.results[0].status).toBe('applied');
    // A true retry is answered as before.
    expect((await push(s.tokens.agent, [first])).body.results[0].status).toBe('applied');
    const other = { ...first, change: created({ title: 'Ein heilt annan sak' }) };
    const again = await push(s.tokens.agent, [other]);
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', rule: 'mutation.idReused' });
  });

  test('merge and link need a case that exists and that the actor may read', async () => {
    const a = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody(),
    });
    const rauma = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.agent,
      body: newCaseBody({ requester: { name: 'Ola', municipalityId: 'rauma' } }),
    });
    const id = a.body.case.id;
    const change = (token: string, body: unknown) =>
      s.call('POST', `/api/v1/cases/${id}/changes`, { token, body: { change: body } });
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        'link to nothing',
        s.tokens.agent,
        { type: 'linked', otherCaseId: randomUUID() },
        'link.unknownCase',
      ],
      [
        'merge into nothing',
        s.tokens.agent,
        { type: 'merged', intoCaseId: randomUUID() },
        'merge.unknownCase',
      ],
      [
        'a Molde consultant links a Rauma case',
        s.tokens.consultantMolde,
        { type: 'linked', otherCaseId: rauma.body.case.id },
        'link.unknownCase',
      ],
    ];
    for (const [name, token, body, rule] of cases) {
      const res = await change(token, body);
      expect([name, res.status, res.body.rule]).toEqual([name, 422, rule]);
    }
    const ok = await change(s.tokens.agent, { type: 'linked', otherCaseId: rauma.body.case.id });
    expect(ok.status).toBe(200);
  });

  test('a requester files under their own name and municipality', async () => {
    const res = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: newCaseBody({
        channel: 'portal',
        priority: 'low',
        requester: {
          name: 'Ordføraren',
          municipalityId: 'rauma',
          contact: '900 00 000',
          userId: s.ids.requesterKari,
        },
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.case.requester).toMatchObject({
      name: 'requesterKari',
      municipalityId: 'molde',
      contact: '900 00 000',
      userId: s.ids.requesterKari,
    });
  });
});
