import { randomUUID } from 'node:crypto';
import { pullResponseSchema, pushResponseSchema } from '@core/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, newCaseBody, type TestServer, testServer } from './helpers/test-server';

const created = (overrides: Record<string, unknown> = {}) => ({
  type: 'created',
  ...newCaseBody(overrides),
});

describe.each(engines)('sync on $name', (engine) => {
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

  test('the same batch twice changes nothing and returns the same results', async () => {
    const caseId = randomUUID();
    const batch = [
      mutation(caseId, created()),
      mutation(caseId, { type: 'statusChanged', status: 'inProgress' }),
      mutation(caseId, { type: 'statusChanged', status: 'closed' }),
    ];
    const first = await push(s.tokens.agent, batch);
    expect(first.status).toBe(200);
    pushResponseSchema.parse(first.body);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    expect(first.body.results[2].rule).toBe('status.transition');
    const again = await push(s.tokens.agent, batch);
    expect(again.body.results).toEqual(first.body.results);
    const one = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    expect(one.body.events).toHaveLength(2);
    expect(one.body.events[0]).toMatchObject({
      // The session's device (signed in as device-agent), not the one the push body names.
      deviceId: 'device-agent',
      mutationId: batch[0]!.mutationId,
      clientAt: batch[0]!.clientAt,
    });
  });

  test('a rejected mutation does not block the rest of the batch', async () => {
    const caseId = randomUUID();
    const res = await push(s.tokens.agent, [
      mutation(randomUUID(), { type: 'acknowledged' }),
      mutation(caseId, created({ requester: { name: 'X', municipalityId: 'oslo' } })),
      mutation(caseId, created()),
      mutation(caseId, { type: 'acknowledged' }),
    ]);
    expect(
      res.body.results.map((r: { status: string; rule: string }) => r.rule ?? r.status),
    ).toEqual(['case.notFound', 'case.unknownMunicipality', 'applied', 'applied']);
  });

  test('a mutation id reused by another user is refused', async () => {
    const m = mutation(randomUUID(), created());
    expect((await push(s.tokens.agent, [m])).body.results[0].status).toBe('applied');
    const other = await push(s.tokens.agent2, [m]);
    expect(other.body.results[0]).toMatchObject({ status: 'rejected', rule: 'mutation.idReused' });
  });

  test('bad mutations are a 400 naming the fields', async () => {
    const res = await push(s.tokens.agent, [{ mutationId: 'x', caseId: randomUUID(), change: {} }]);
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.mutations.0.mutationId',
        'body.mutations.0.baseVersion',
        'body.mutations.0.change.type',
      ]),
    );
  });

  test('per-field conflicts: fields changed since the base keep the server value, the rest applies', async () => {
    const caseId = randomUUID();
    const base = await push(s.tokens.agent, [mutation(caseId, created())]);
    const baseVersion = base.body.results[0].seq as number;
    // Somebody else retitles the case after that.
    await push(
      s.tokens.agent2,
      [
        mutation(
          caseId,
          { type: 'fieldsChanged', changes: { title: 'Skrivar: papirstopp' } },
          baseVersion,
        ),
      ],
      'desk-2',
    );
    // Offline edit based on the old version: title and description.
    const offline = await push(s.tokens.agent, [
      mutation(
        caseId,
        { type: 'fieldsChanged', changes: { title: 'Min tittel', description: 'Ny skildring' } },
        baseVersion,
      ),
      mutation(
        caseId,
        { type: 'prioritySet', priority: 'high', note: 'Heile avdelinga' },
        baseVersion,
      ),
    ]);
    const [fields, priority] = offline.body.results;
    expect(fields.status).toBe('applied');
    expect(fields.conflicts).toEqual([
      expect.objectContaining({
        field: 'title',
        yourValue: 'Min tittel',
        serverValue: 'Skrivar: papirstopp',
        serverChangedBy: s.ids.agent2,
      }),
    ]);
    expect(priority.status).toBe('applied');
    const one = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    expect(one.body.case).toMatchObject({
      title: 'Skrivar: papirstopp',
      description: 'Ny skildring',
      priority: 'high',
    });
    // When every field it writes lost, nothing is recorded.
    const lost = await push(s.tokens.agent, [
      mutation(caseId, { type: 'fieldsChanged', changes: { title: 'Igjen' } }, baseVersion),
    ]);
    expect(lost.body.results[0]).toMatchObject({ status: 'conflict', seq: null });
    const after = await s.call('GET', `/api/v1/cases/${caseId}`, { token: s.tokens.agent });
    expect(after.body.events).toHaveLength(one.body.events.length);
  });

  test('pull pages through every event in order, and only readable cases', async () => {
    const start = await s.call('GET', '/api/v1/sync/pull?after=0&limit=5000', {
      token: s.tokens.agent,
    });
    const head = start.body.cursor as number;
    const kariCase = randomUUID();
    const mutations = [
      mutation(
        kariCase,
        created({
          channel: 'portal',
          priority: 'low',
          requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
        }),
      ),
    ];
    for (let i = 0; i < 6; i++) {
      mutations.push(
        mutation(
          randomUUID(),
          created({ requester: { name: 'Ola', municipalityId: i % 2 ? 'rauma' : 'molde' } }),
        ),
      );
    }
    mutations.push(
      mutation(kariCase, {
        type: 'commented',
        commentId: randomUUID(),
        body: 'intern',
        visibility: 'internal',
      }),
    );
    await push(s.tokens.agent, mutations);

    const seen: number[] = [];
    const casesSeen = new Set<string>();
    let cursor = head;
    let pages = 0;
    for (;;) {
      const res = await s.call('GET', `/api/v1/sync/pull?after=${cursor}&limit=3`, {
        token: s.tokens.agent,
      });
      const page = pullResponseSchema.parse(res.body);
      // Every page says how far the server is (for a client's progress), never behind itself.
      expect(page.head).toBe(head + 8);
      seen.push(...page.events.map((e) => e.seq));
      for (const c of page.cases) casesSeen.add(c.id);
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(casesSeen.size).toBe(7);

    const kari = await s.call('GET', `/api/v1/sync/pull?after=${head}`, {
      token: s.tokens.requesterKari,
    });
    expect(kari.body.cases.map((c: { id: string }) => c.id)).toEqual([kariCase]);
    expect(kari.body.events).toHaveLength(1);
    expect(kari.body.cursor).toBe(cursor);
    const molde = await s.call('GET', `/api/v1/sync/pull?after=${head}`, {
      token: s.tokens.consultantMolde,
    });
    expect(
      molde.body.cases.every(
        (c: { requester: { municipalityId: string } }) => c.requester.municipalityId === 'molde',
      ),
    ).toBe(true);
    expect(molde.body.cases).toHaveLength(4);

    const bad = await s.call('GET', '/api/v1/sync/pull?after=-1&limit=abc', {
      token: s.tokens.agent,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.after',
      'query.limit',
    ]);
  });

  test('concurrent pushes get distinct, gap-free sequence numbers', async () => {
    const before = (
      await s.call('GET', '/api/v1/sync/pull?after=0&limit=1', { token: s.tokens.agent })
    ).body;
    void before;
    const batches = Array.from({ length: 8 }, () => [mutation(randomUUID(), created())]);
    const results = await Promise.all(batches.map((b) => push(s.tokens.agent, b)));
    const seqs = results.map((r) => r.body.results[0].seq as number).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs[7]! - seqs[0]!).toBe(7);
  });
});
