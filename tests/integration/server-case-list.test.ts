/**
 * The case list filters, checks visibility, counts and pages in SQL. Thousands of cases are
 * written straight into the table (the list reads only the `cases` table), then every role's
 * pages and totals are compared with what core's `canReadCase` and the filters say in code.
 */
import { randomUUID } from 'node:crypto';
import {
  type CaseRecord,
  type CaseStatus,
  caseStatuses,
  type Priority,
  priorities,
  type SupportLine,
} from '@core/case';
import { type Actor, canReadCase } from '@core/rules';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRow } from '../../src/server/cases/case-rows';
import { engines } from './helpers/engines';
import { type TestServer, type TestUserName, testServer, testUsers } from './helpers/test-server';

const caseCount = 3_000;

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
}

const titles = [
  'Skrivaren skriv ikkje ut',
  'Får ikkje logga inn i Visma',
  'Telefonen er treg',
  'VPN fell ut heile tida',
  'Ny PC til nytilsett',
  '100% full disk på fellesområdet',
];

function makeCases(ids: Record<TestUserName, string>): CaseRecord[] {
  const pick = generator(42);
  const municipalities = ['molde', 'rauma', 'aukra', 'vestnes'];
  const assignees = [
    null,
    null,
    ids.agent,
    ids.agent2,
    ids.consultantMolde,
    ids.consultantRauma,
    ids.senior,
  ];
  const requesters: Array<[string, string | null]> = [
    ['Kari Nordmann', ids.requesterKari],
    ['Ola Nordmann', ids.requesterOla],
    ['Per Telefon', null],
    ['Anne Skranke', null],
  ];
  const base = Date.parse('2026-03-02T08:00:00Z');
  // Unique update times in an order unrelated to creation, so the order is the query's.
  const minutes = Array.from({ length: caseCount }, (_, i) => (i * 7_919) % caseCount);
  return minutes.map((minute, i) => {
    const [name, userId] = pick(requesters);
    const updatedAt = new Date(base + minute * 60_000).toISOString();
    return {
      id: randomUUID(),
      number: `2026-${String(i + 1).padStart(5, '0')}`,
      title: pick(titles),
      description: '',
      status: pick(caseStatuses) as CaseStatus,
      waitingReason: null,
      priority: pick(priorities) as Priority,
      priorityAnswers: null,
      line: pick([1, 2, 3] as const) as SupportLine,
      channel: userId ? 'portal' : 'phone',
      requester: { name, contact: '', municipalityId: pick(municipalities), unit: '', userId },
      categoryId: null,
      formValues: {},
      assigneeId: pick(assignees),
      linkedCaseIds: [],
      mergedIntoId: null,
      createdAt: new Date(base).toISOString(),
      createdBy: ids.agent,
      updatedAt,
      firstResponseAt: null,
      resolvedAt: null,
      version: i + 1,
      fieldVersions: {},
      slaTimeline: [],
    } satisfies CaseRecord;
  });
}

type Filters = {
  line?: SupportLine[];
  status?: CaseStatus[];
  priority?: Priority[];
  municipality?: string[];
  assignee?: string;
  q?: string;
  changedSince?: string;
};

function expected(cases: CaseRecord[], actor: Actor, f: Filters): CaseRecord[] {
  return cases
    .filter((c) => canReadCase(c, actor))
    .filter((c) => !f.line || f.line.includes(c.line))
    .filter((c) => !f.status || f.status.includes(c.status))
    .filter((c) => !f.priority || f.priority.includes(c.priority))
    .filter((c) => !f.municipality || f.municipality.includes(c.requester.municipalityId))
    .filter(
      (c) =>
        f.assignee === undefined ||
        (f.assignee === 'none' ? c.assigneeId === null : c.assigneeId === f.assignee),
    )
    .filter((c) => !f.q || caseRow(c).search_text.includes(f.q.toLowerCase()))
    .filter((c) => !f.changedSince || c.updatedAt >= f.changedSince)
    .sort((a, b) => (a.updatedAt === b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? 1 : -1));
}

function queryString(f: Filters, limit: number, offset: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}

describe.each(engines)('case list in SQL on $name', (engine) => {
  let s: TestServer;
  let cases: CaseRecord[];
  beforeAll(async () => {
    if (!engine.available) return;
    s = await testServer(engine);
    cases = makeCases(s.ids);
    const rows = cases.map(caseRow);
    for (let i = 0; i < rows.length; i += 200) {
      await s.ctx.db
        .insertInto('cases')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });
  const test = it.skipIf(!engine.available);
  const actorOf = (name: TestUserName): Actor => ({
    id: s.ids[name],
    role: testUsers[name].role,
    municipalityIds: [...testUsers[name].municipalityIds],
  });

  /** Every page, walked with `limit`, must equal the expected list, and every total its size. */
  async function walk(name: TestUserName, f: Filters, limit: number) {
    const want = expected(cases, actorOf(name), f).map((c) => c.id);
    const got: string[] = [];
    for (let offset = 0; ; offset += limit) {
      const res = await s.call('GET', `/api/v1/cases?${queryString(f, limit, offset)}`, {
        token: s.tokens[name],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: want.length, limit, offset });
      got.push(...res.body.cases.map((c: CaseRecord) => c.id));
      if (res.body.cases.length < limit) break;
    }
    expect(got).toEqual(want);
    return want.length;
  }

  const everyone = Object.keys(testUsers) as TestUserName[];

  test.each(everyone)('every page and the total are right for %s', async (name) => {
    const total = await walk(name, {}, 500);
    const role = testUsers[name].role;
    if (role === 'consultant' || role === 'requester') {
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(caseCount);
    } else expect(total).toBe(caseCount);
  });

  test.each(everyone)('filters combine with visibility for %s', async (name) => {
    const filters: Filters[] = [
      { line: [2] },
      { line: [2, 3], status: ['new', 'inProgress', 'waiting'] },
      { priority: ['critical', 'high'], municipality: ['molde', 'aukra'] },
      { assignee: 'none' },
      { assignee: s.ids.consultantMolde },
      { q: 'visma' },
      { q: 'NORDMANN', line: [1] },
      { q: '100%' },
      { q: '2026-0001' },
      { changedSince: '2026-03-03T10:00:00.000Z', status: ['resolved', 'closed'] },
    ];
    for (const f of filters) await walk(name, f, 97);
  });

  test('only the page leaves the database, not every matching case', async () => {
    let rowsRead = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
      transformResult: async (
        args: PluginTransformResultArgs,
      ): Promise<QueryResult<UnknownRow>> => {
        if (args.result.rows.some((row) => 'record' in row)) rowsRead += args.result.rows.length;
        return args.result;
      },
    };
    const db = s.ctx.db;
    s.ctx.db = db.withPlugin(counter);
    try {
      for (const name of ['agent', 'consultantMolde', 'requesterKari'] as const) {
        rowsRead = 0;
        const res = await s.call('GET', '/api/v1/cases?limit=25&offset=50', {
          token: s.tokens[name],
        });
        expect(res.body.cases).toHaveLength(25);
        expect(res.body.total).toBeGreaterThan(75);
        expect(rowsRead).toBe(25);
      }
    } finally {
      s.ctx.db = db;
    }
  });

  test('an offset past the end is an empty page with the full total', async () => {
    const res = await s.call('GET', '/api/v1/cases?limit=50&offset=100000', {
      token: s.tokens.consultantRauma,
    });
    expect(res.body.cases).toEqual([]);
    expect(res.body.total).toBe(expected(cases, actorOf('consultantRauma'), {}).length);
  });

  test('a consultant sees a case of another municipality assigned to them', async () => {
    const assignedElsewhere = cases.filter(
      (c) => c.assigneeId === s.ids.consultantMolde && c.requester.municipalityId !== 'molde',
    );
    expect(assignedElsewhere.length).toBeGreaterThan(0);
    const res = await s.call(
      'GET',
      `/api/v1/cases?municipality=rauma,aukra,vestnes&limit=500&assignee=${s.ids.consultantMolde}`,
      { token: s.tokens.consultantMolde },
    );
    expect(res.body.total).toBe(assignedElsewhere.length);
  });
});
