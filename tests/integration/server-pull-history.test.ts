/**
 * A case that becomes readable to somebody later (escalated and assigned to a consultant of
 * another municipality, moved to the consultant's municipality, a requester's account put on
 * it) arrives in their pull with its earlier history, filtered as that reader's history is.
 */
import { randomUUID } from 'node:crypto';
import { type CaseEvent, caseEventSchema } from '@core/case';
import { pullResponseSchema } from '@core/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './helpers/engines';
import { mutation, newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('pull history of newly visible cases on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    // Rauma's line-2 group lists the Molde consultant by id, so a Rauma case on line 2 may be
    // assigned to them although their account does not list Rauma.
    const rauma = s.ctx.config.municipalities.find((m) => m.id === 'rauma')!;
    rauma.line2Group = { name: 'IKT Rauma', consultantIds: [s.ids.consultantMolde] };
  });
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);

  const push = (token: string, caseId: string, changes: Record<string, unknown>[]) =>
    s.call('POST', '/api/v1/sync/push', {
      token,
      body: { deviceId: 'laptop-agent', mutations: changes.map((c) => mutation(caseId, c)) },
    });

  /** Pulls everything after `after`, page by page; returns the events and the final cursor. */
  async function pullAll(token: string, after: number, limit = 1_000) {
    const events: CaseEvent[] = [];
    let cursor = after;
    for (;;) {
      const res = await s.call('GET', `/api/v1/sync/pull?after=${cursor}&limit=${limit}`, {
        token,
      });
      expect(res.status).toBe(200);
      const page = pullResponseSchema.parse(res.body);
      const seqs = page.events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      events.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) return { events, cursor };
    }
  }

  const comment = (visibility: 'internal' | 'requester', body: string) => ({
    type: 'commented',
    commentId: randomUUID(),
    body,
    visibility,
  });

  /** A Rauma phone case with a little history: internal and public comments, worklog. */
  async function raumaCaseWithHistory(requester: Record<string, unknown> = {}) {
    const caseId = randomUUID();
    const res = await push(s.tokens.agent, caseId, [
      {
        type: 'created',
        ...newCaseBody({ requester: { name: 'Ola', municipalityId: 'rauma', ...requester } }),
      },
      comment('internal', 'Prøvde omstart'),
      comment('requester', 'Vi ser på det'),
      { type: 'worklogAdded', entryId: randomUUID(), minutes: 10, line: 1 },
    ]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    return { caseId, seqs: res.body.results.map((r: { seq: number }) => r.seq) as number[] };
  }

  const typesOf = (events: CaseEvent[], caseId: string) =>
    events.filter((e) => e.caseId === caseId).map((e) => e.change.type);

  test('escalated and assigned to a consultant of another municipality: the whole history', async () => {
    const { caseId, seqs } = await raumaCaseWithHistory();
    const { cursor, events: before } = await pullAll(s.tokens.consultantMolde, 0);
    expect(typesOf(before, caseId)).toEqual([]);

    await push(s.tokens.agent, caseId, [
      { type: 'escalated', toLine: 2, reason: 'Treng tilgang til fagsystemet' },
    ]);
    // Still not readable: escalated, but not to them.
    const notYet = await pullAll(s.tokens.consultantMolde, cursor);
    expect(typesOf(notYet.events, caseId)).toEqual([]);

    await push(s.tokens.agent, caseId, [{ type: 'assigned', assigneeId: s.ids.consultantMolde }]);
    const after = await pullAll(s.tokens.consultantMolde, notYet.cursor);
    expect(typesOf(after.events, caseId)).toEqual([
      'created',
      'commented',
      'commented',
      'worklogAdded',
      'escalated',
      'assigned',
    ]);
    expect(
      after.events
        .filter((e) => e.caseId === caseId)
        .map((e) => e.seq)
        .slice(0, 4),
    ).toEqual(seqs);
    for (const e of after.events) caseEventSchema.parse(e);

    // Once the client has it, later pulls bring only what is new.
    await push(s.tokens.agent, caseId, [comment('internal', 'Konsulenten er varsla')]);
    const next = await pullAll(s.tokens.consultantMolde, after.cursor);
    expect(typesOf(next.events, caseId)).toEqual(['commented']);
  });

  test('the history comes even when the making-visible event is not the first of the page', async () => {
    const { caseId } = await raumaCaseWithHistory();
    const { cursor } = await pullAll(s.tokens.consultantMolde, 0);
    await push(s.tokens.agent, caseId, [
      comment('internal', 'før flyttinga'),
      {
        type: 'fieldsChanged',
        changes: { requester: { name: 'Ola', municipalityId: 'molde' } },
      },
      comment('internal', 'etter flyttinga'),
    ]);
    // Pages of one event: the history arrives with the page that makes the case readable.
    // ('før flyttinga' came a page earlier, as the case is judged as it is at the time of the
    // pull, and comes again with the history: clients store events by id.)
    const paged = await pullAll(s.tokens.consultantMolde, cursor, 1);
    const stored = new Map(paged.events.map((e) => [e.id, e]));
    const history = [...stored.values()].sort((a, b) => a.seq - b.seq);
    expect(typesOf(history, caseId)).toEqual([
      'created',
      'commented',
      'commented',
      'worklogAdded',
      'commented',
      'fieldsChanged',
      'commented',
    ]);
  });

  test('a requester given the case gets its history without internal comments or worklog', async () => {
    const { caseId } = await raumaCaseWithHistory();
    const { cursor } = await pullAll(s.tokens.requesterOla, 0);
    await push(s.tokens.agent, caseId, [
      {
        type: 'fieldsChanged',
        changes: {
          requester: { name: 'Ola', municipalityId: 'rauma', userId: s.ids.requesterOla },
        },
      },
    ]);
    const after = await pullAll(s.tokens.requesterOla, cursor);
    expect(typesOf(after.events, caseId)).toEqual(['created', 'commented', 'fieldsChanged']);
    const comments = after.events.filter((e) => e.change.type === 'commented');
    expect(comments.map((e) => e.change.type === 'commented' && e.change.visibility)).toEqual([
      'requester',
    ]);
  });

  test('a case the reader could already read sends no history again', async () => {
    const caseId = randomUUID();
    await push(s.tokens.agent, caseId, [
      { type: 'created', ...newCaseBody() },
      comment('internal', 'Molde-sak'),
      { type: 'escalated', toLine: 2, reason: 'Lokalt nettverk' },
    ]);
    const { cursor } = await pullAll(s.tokens.consultantMolde, 0);
    await push(s.tokens.agent, caseId, [{ type: 'assigned', assigneeId: s.ids.consultantMolde }]);
    const after = await pullAll(s.tokens.consultantMolde, cursor);
    expect(typesOf(after.events, caseId)).toEqual(['assigned']);
    // And somebody who still may not read it hears nothing of it.
    const rauma = await pullAll(s.tokens.consultantRauma, cursor);
    expect(typesOf(rauma.events, caseId)).toEqual([]);
  });
});
