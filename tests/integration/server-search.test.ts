/**
 * Full-text search on both engines: Nynorsk and Bokmål forms of a word find each other,
 * comments, form answers and attachment names are searched, internal comments only for
 * staff, requesters only their own cases, ranking puts title matches first, filters and
 * snippets; the case list's `q` finds by the same index; a migration indexes existing cases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexAllCases } from '../../src/server/search/case-search-store';
import { engines } from './helpers/engines';
import { newCaseBody, type TestServer, testServer } from './helpers/test-server';

describe.each(engines)('search on $name', (engine) => {
  let s: TestServer;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};
  const test = it.skipIf(!engine.available);

  async function create(key: string, body: Record<string, unknown>, token = s.tokens.agent) {
    const res = await s.call('POST', '/api/v1/cases', { token, body: newCaseBody(body) });
    expect(res.status).toBe(201);
    ids[key] = res.body.case.id;
    numbers[key] = res.body.case.number;
  }
  async function change(key: string, change: Record<string, unknown>, token = s.tokens.agent) {
    const res = await s.call('POST', `/api/v1/cases/${ids[key]}/changes`, {
      token,
      body: { change },
    });
    expect(res.status).toBe(200);
  }
  async function search(query: string, token = s.tokens.agent) {
    const res = await s.call('GET', `/api/v1/search?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  }
  const keysOf = (body: { hits: { case: { id: string } }[] }) =>
    body.hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.case.id));

  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    await create('nynorskTitle', {
      title: 'Skrivaren på rådhuset skriv ikkje ut',
      description: 'Papirstopp.',
    });
    await create('bokmaalDesc', {
      title: 'Problem i 2. etasje',
      description: 'Skriverne på kontoret er frakoblet.',
      requester: { name: 'Per Hansen', municipalityId: 'rauma', unit: 'Legekontoret' },
    });
    await create('comment', { title: 'Treg PC', description: '' });
    await change('comment', {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Prøvde ein annan printar utan hell',
      visibility: 'requester',
    });
    await create('internal', { title: 'Nettverket er nede', description: '' });
    await change('internal', {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Hemmeleg: brannmuren til leverandøren',
      visibility: 'internal',
    });
    await create('kari', {
      title: 'Får ikkje logga inn',
      description: 'Passordet er gløymt',
      requester: { name: 'Kari Nordmann', municipalityId: 'molde', userId: s.ids.requesterKari },
    });
    await change('kari', {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Intern merknad om brannmuren',
      visibility: 'internal',
    });
    await create('other', { title: 'Ingen ting å sjå her', description: 'Anna' });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('Nynorsk and Bokmål forms of a word find each other, ranked title first', async () => {
    const body = await search('q=skrivarar');
    expect(body.engine).toBe(engine.name === 'postgres' ? 'postgresql' : 'sqlite');
    expect(keysOf(body)).toEqual(['nynorskTitle', 'bokmaalDesc']);
    expect(body.total).toBe(2);
    expect(body.hits[0].snippets[0]).toMatchObject({ field: 'title' });
    const marked = body.hits[0].snippets[0].pieces.filter((p: { hit: boolean }) => p.hit);
    expect(marked.map((p: { text: string }) => p.text)).toEqual(['Skrivaren', 'skriv']);
    expect(keysOf(await search('q=skriverne%20'))).toEqual(['nynorskTitle', 'bokmaalDesc']);
  });

  test('without æøå, by a word being typed, by case number, by requester and unit', async () => {
    expect(keysOf(await search('q=radhuset'))).toEqual(['nynorskTitle']);
    expect(keysOf(await search('q=r%C3%A5dhu'))).toEqual(['nynorskTitle']);
    expect(keysOf(await search(`q=${numbers.other}`))).toEqual(['other']);
    expect(keysOf(await search('q=legekontor'))).toEqual(['bokmaalDesc']);
    expect(keysOf(await search('q=per%20hansen'))).toEqual(['bokmaalDesc']);
  });

  test('comments are searched; internal ones only for staff', async () => {
    const printer = await search('q=printarane');
    expect(keysOf(printer)).toEqual(['comment']);
    expect(printer.hits[0].snippets[0].field).toBe('comment');
    expect(keysOf(await search('q=brannmur'))).toEqual(
      expect.arrayContaining(['internal', 'kari']),
    );
    // Kari reads her own case, but never its internal comment, nor other cases.
    expect(keysOf(await search('q=brannmur', s.tokens.requesterKari))).toEqual([]);
    expect(keysOf(await search('q=passord', s.tokens.requesterKari))).toEqual(['kari']);
    expect(keysOf(await search('q=skrivar', s.tokens.requesterKari))).toEqual([]);
    // The consultant of Rauma reads only Rauma's cases.
    expect(keysOf(await search('q=skrivar', s.tokens.consultantRauma))).toEqual(['bokmaalDesc']);
  });

  test('filters narrow the matches; an empty query lists by the filters, newest first', async () => {
    expect(keysOf(await search('q=skrivar&municipality=rauma'))).toEqual(['bokmaalDesc']);
    expect(keysOf(await search('q=skrivar&status=closed'))).toEqual([]);
    await change('nynorskTitle', { type: 'assigned', assigneeId: s.ids.agent });
    expect(keysOf(await search(`q=skrivar&assignee=${s.ids.agent}`))).toEqual(['nynorskTitle']);
    expect(keysOf(await search('q=skrivar&assignee=none'))).toEqual(['bokmaalDesc']);
    expect(keysOf(await search('q=skrivar&sla=onTime'))).toHaveLength(2);
    expect(keysOf(await search('q=skrivar&sla=breached'))).toEqual([]);
    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect(keysOf(await search(`q=skrivar&createdFrom=${future}`))).toEqual([]);
    const all = await search('limit=2');
    expect(all.total).toBe(Object.keys(ids).length);
    expect(all.hits).toHaveLength(2);
  });

  test('an edit is searchable at once; the case list finds by the index too', async () => {
    await change('other', {
      type: 'fieldsChanged',
      changes: { title: 'Tastaturet manglar taster' },
    });
    expect(keysOf(await search('q=tastatur'))).toEqual(['other']);
    const list = await s.call('GET', '/api/v1/cases?q=skrivarar', { token: s.tokens.agent });
    expect(list.body.cases.map((c: { id: string }) => c.id).sort()).toEqual(
      [ids.nynorskTitle, ids.bokmaalDesc].sort(),
    );
  });

  test('a rebuild indexes every case as the write path did', async () => {
    await reindexAllCases(s.ctx.db, s.ctx.handle.engine, 2);
    expect(keysOf(await search('q=skrivarar'))).toEqual(['nynorskTitle', 'bokmaalDesc']);
    expect(keysOf(await search('q=printar'))).toEqual(['comment']);
  });

  test('a bad filter is a 400 naming it', async () => {
    const res = await s.call('GET', '/api/v1/search?q=x&sla=late', { token: s.tokens.agent });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('query.sla');
  });

  test('saved views: personal ones for their owner, shared ones for the team', async () => {
    const mine = randomUUID();
    const shared = randomUUID();
    const put = (id: string, body: object, token = s.tokens.agent) =>
      s.call('PUT', `/api/v1/views/${id}`, { token, body });
    expect(
      (
        await put(mine, {
          name: 'Mine kritiske',
          scope: 'personal',
          filters: { priorities: ['critical'], assignees: ['mine'] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await put(shared, {
          name: 'Molde, brote',
          scope: 'shared',
          filters: { municipalities: ['molde'], sla: ['breached'] },
        })
      ).status,
    ).toBe(200);
    const names = async (token: string) =>
      (await s.call('GET', '/api/v1/views', { token })).body.views.map(
        (v: { name: string }) => v.name,
      );
    expect(await names(s.tokens.agent)).toEqual(['Molde, brote', 'Mine kritiske']);
    expect(await names(s.tokens.agent2)).toEqual(['Molde, brote']);
    // Another agent may not change either; a team leader may change the shared one.
    const refused = await put(
      shared,
      { name: 'Mitt no', scope: 'shared', filters: {} },
      s.tokens.agent2,
    );
    expect([refused.status, refused.body.rule]).toEqual([403, 'view.notEditable']);
    expect(
      (await put(shared, { name: 'Molde', scope: 'shared', filters: {} }, s.tokens.teamLeader))
        .status,
    ).toBe(200);
    expect(
      (await s.call('DELETE', `/api/v1/views/${mine}`, { token: s.tokens.agent2 })).status,
    ).toBe(403);
    expect(
      (await s.call('DELETE', `/api/v1/views/${mine}`, { token: s.tokens.agent })).status,
    ).toBe(204);
    expect(await names(s.tokens.agent)).toEqual(['Molde']);
    expect((await s.call('GET', '/api/v1/views', { token: s.tokens.requesterKari })).status).toBe(
      403,
    );
  });

  test('an @mention in a staff comment tells the colleague; followers are stored', async () => {
    await change(
      'other',
      { type: 'followersChanged', userId: s.ids.agent2, following: true },
      s.tokens.agent2,
    );
    const refused = await s.call('POST', `/api/v1/cases/${ids.other}/changes`, {
      token: s.tokens.agent,
      body: { change: { type: 'followersChanged', userId: s.ids.agent2, following: false } },
    });
    expect([refused.status, refused.body.rule]).toEqual([422, 'follow.onlySelf']);
    await change('other', {
      type: 'commented',
      commentId: randomUUID(),
      body: 'Kan @agent2 og @senior sjå på denne?',
      visibility: 'internal',
    });
    const got = await s.call('GET', `/api/v1/cases/${ids.other}`, { token: s.tokens.agent });
    expect(got.body.case.followerIds).toEqual([s.ids.agent2]);
    const rows = await s.ctx.db
      .withTables<{ notifications: { case_id: string; kind: string; recipient: string } }>()
      .selectFrom('notifications')
      .select(['kind', 'recipient'])
      .where('case_id', '=', ids.other!)
      .where('kind', '=', 'mentioned')
      .execute();
    const told = rows.map((r) => (JSON.parse(r.recipient) as { userId: string }).userId);
    expect(new Set(told)).toEqual(new Set([s.ids.agent2, s.ids.senior]));
  });

  test('a major incident is a known fault; a requester joins it with a case of their own', async () => {
    await create('major', { title: 'Nettet er nede i Molde', categoryId: null });
    await change('major', { type: 'majorIncidentSet', major: true });
    const known = await s.call('GET', '/api/v1/known-faults?municipality=molde', {
      token: s.tokens.requesterKari,
    });
    expect(known.body.faults.map((f: { id: string }) => f.id)).toEqual([ids.major]);
    const elsewhere = await s.call('GET', '/api/v1/known-faults?municipality=rauma', {
      token: s.tokens.requesterKari,
    });
    expect(elsewhere.body.faults).toEqual([]);
    const mine = await s.call('POST', '/api/v1/cases', {
      token: s.tokens.requesterKari,
      body: newCaseBody({
        title: 'Ramma av: Nettet er nede i Molde',
        channel: 'portal',
        priority: 'low',
        requester: { name: 'Kari', municipalityId: 'molde', userId: s.ids.requesterKari },
      }),
    });
    expect(mine.status).toBe(201);
    const joined = await s.call('POST', `/api/v1/cases/${mine.body.case.id}/changes`, {
      token: s.tokens.requesterKari,
      body: { change: { type: 'affectedSet', majorIncidentId: ids.major } },
    });
    expect(joined.status).toBe(200);
    const seen = await s.call('GET', `/api/v1/cases/${mine.body.case.id}`, {
      token: s.tokens.agent,
    });
    expect(seen.body.case.affectedBy).toBe(ids.major);
    // A consultant may not declare a major incident.
    const refused = await s.call('POST', `/api/v1/cases/${ids.major}/changes`, {
      token: s.tokens.consultantMolde,
      body: { change: { type: 'majorIncidentSet', major: false } },
    });
    expect([refused.status, refused.body.rule]).toEqual([422, 'majorIncident.notAllowed']);
  });
});
