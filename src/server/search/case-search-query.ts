/**
 * Full-text search over the cases a user may read, in the database's own engine: PostgreSQL
 * text search (GIN index) or SQLite FTS5, both over terms folded and stemmed by core. Ranked
 * (title above details above comments above internal comments), filtered in SQL, with
 * highlighted snippets made by core from the texts as written.
 */
import type { CaseSearchHit, CaseSearchQuery, CaseSearchResult } from '@core/api';
import type { CaseRecord } from '@core/case';
import {
  isEmptyQuery,
  passesFilters,
  queryTerms,
  recordSearchTexts,
  type SearchQueryTerms,
  type SearchText,
  searchSnippets,
} from '@core/search';
import { slaStateOfCase } from '@core/sla';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { recordOf } from '../cases/case-rows';
import { type CaseActor, mayReadCase, readableCasesWhere } from '../cases/case-rules';
import type { Engine } from '../db/database';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import { type SearchTables, type StoredSearchTexts, storedTextsOf } from './case-search-store';

/** The FTS5 table as Kysely sees it (SQLite only). */
interface FtsTable {
  rowid: number;
  title: string;
  body: string;
  comments: string;
  internal: string;
}
type SearchDb = Database & SearchTables & { case_search_fts: FtsTable };

/** Totals are counted up to this many matches ("1000+"): counting a million costs. */
export const TOTAL_CAP = 1_000;
/** With an SLA filter (computed per case), at most this many best matches are considered. */
export const SLA_CANDIDATE_CAP = 2_000;

/** A tsquery over the terms; for requesters, only weights A–C (never internal comments). */
export function tsQueryOf(q: SearchQueryTerms, staff: boolean): string {
  const weights = staff ? '' : 'ABC';
  const quote = (term: string) => `'${term.replace(/'/g, "''")}'`;
  const parts = q.terms.map((t) => `${quote(t)}${weights ? `:${weights}` : ''}`);
  if (q.prefix !== null) parts.push(`${quote(q.prefix)}:*${weights}`);
  return parts.join(' & ');
}

/** An FTS5 MATCH expression over the terms; for requesters, not the internal column. */
export function ftsQueryOf(q: SearchQueryTerms, staff: boolean): string {
  const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;
  const parts = q.terms.map(quote);
  if (q.prefix !== null) parts.push(`${quote(q.prefix)}*`);
  const expression = parts.join(' AND ');
  return staff ? expression : `{title body comments} : (${expression})`;
}

/** The filters that run in SQL (all but the SLA state). */
function filtersWhere(
  eb: ExpressionBuilder<SearchDb, 'cases' | 'case_search'>,
  actor: CaseActor,
  query: CaseSearchQuery,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    readableCasesWhere(eb as unknown as ExpressionBuilder<Database, 'cases'>, actor),
  ];
  if (query.line) conditions.push(eb('cases.line', 'in', query.line));
  if (query.status) conditions.push(eb('cases.status', 'in', query.status));
  if (query.priority) conditions.push(eb('cases.priority', 'in', query.priority));
  if (query.municipality) conditions.push(eb('cases.municipality_id', 'in', query.municipality));
  if (query.category) conditions.push(eb('case_search.category_id', 'in', query.category));
  if (query.assignee) {
    const ids = query.assignee.filter((a) => a !== 'none');
    const either: Expression<SqlBool>[] = [];
    if (ids.length > 0) either.push(eb('cases.assignee_id', 'in', ids));
    if (query.assignee.includes('none')) either.push(eb('cases.assignee_id', 'is', null));
    conditions.push(eb.or(either));
  }
  const iso = (at: string) => new Date(at).toISOString();
  if (query.createdFrom)
    conditions.push(eb('case_search.created_at', '>=', iso(query.createdFrom)));
  if (query.createdTo) conditions.push(eb('case_search.created_at', '<', iso(query.createdTo)));
  if (query.changedFrom) conditions.push(eb('cases.updated_at', '>=', iso(query.changedFrom)));
  if (query.changedTo) conditions.push(eb('cases.updated_at', '<', iso(query.changedTo)));
  return eb.and(conditions);
}

/** The matching, filtered, ranked query (without paging), and its score expression. */
function matchQuery(
  db: Kysely<SearchDb>,
  engine: Engine,
  actor: CaseActor,
  query: CaseSearchQuery,
  q: SearchQueryTerms,
) {
  const staff = actor.role !== 'requester';
  const empty = isEmptyQuery(q);
  if (engine === 'postgres') {
    const tsq = sql`to_tsquery('simple', ${tsQueryOf(q, staff)})`;
    const base = db
      .selectFrom('cases')
      .innerJoin('case_search', 'case_search.case_id', 'cases.id')
      .where((eb) => filtersWhere(eb, actor, query));
    if (empty) return { base, score: sql<number>`0` };
    return {
      base: base.where(sql<SqlBool>`case_search.terms @@ ${tsq}`),
      score: sql<number>`ts_rank(case_search.terms, ${tsq})`,
    };
  }
  if (empty) {
    return {
      base: db
        .selectFrom('cases')
        .innerJoin('case_search', 'case_search.case_id', 'cases.id')
        .where((eb) => filtersWhere(eb, actor, query)),
      score: sql<number>`0`,
    };
  }
  return {
    base: db
      .selectFrom('case_search_fts')
      .innerJoin('case_search', 'case_search.doc_id', 'case_search_fts.rowid')
      .innerJoin('cases', 'cases.id', 'case_search.case_id')
      .where(sql<SqlBool>`case_search_fts match ${ftsQueryOf(q, staff)}`)
      .where((eb) =>
        filtersWhere(
          eb as unknown as ExpressionBuilder<SearchDb, 'cases' | 'case_search'>,
          actor,
          query,
        ),
      ),
    // bm25 is lower for better matches; weights per column: title, body, comments, internal.
    score: sql<number>`-bm25(case_search_fts, 10.0, 4.0, 2.0, 1.0)`,
  };
}

/** The records of the cases given, by id. */
async function recordsOf(
  db: Kysely<SearchDb>,
  ids: readonly string[],
): Promise<Map<string, CaseRecord>> {
  const found = new Map<string, CaseRecord>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('cases')
      .select('record')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const record = recordOf(row);
      found.set(record.id, record);
    }
  }
  return found;
}

/** Every searched text of a case: its record's, its comments and attachment names. */
export function searchTextsOf(
  record: CaseRecord,
  stored: StoredSearchTexts | undefined,
): SearchText[] {
  return [
    ...recordSearchTexts(record),
    ...(stored?.comments ?? []).map((text) => ({ field: 'comment' as const, text })),
    ...(stored?.internalComments ?? []).map((text) => ({
      field: 'internalComment' as const,
      text,
    })),
    ...(stored?.attachments ?? []).map((text) => ({ field: 'attachment' as const, text })),
  ];
}

export async function searchCases(
  ctx: ServerContext,
  actor: CaseActor,
  query: CaseSearchQuery,
): Promise<CaseSearchResult> {
  const engine = ctx.handle.engine;
  const db = ctx.db.withTables<SearchTables & { case_search_fts: FtsTable }>();
  const q = queryTerms(query.q);
  const staff = actor.role !== 'requester';
  const { base, score } = matchQuery(db, engine, actor, query, q);
  // Ranked on ids only: the records (JSON, kilobytes each) are read for the page alone.
  const ranked = base
    .select(['cases.id as id', score.as('score')])
    .orderBy('score', 'desc')
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id');

  let page: { id: string; score: number }[];
  let total: number;
  let totalCapped: boolean;
  if (query.sla) {
    const { sla } = await readSlaSettings(ctx.db, ctx.config.sla);
    const now = ctx.now().getTime();
    const candidates = await ranked.limit(SLA_CANDIDATE_CAP + 1).execute();
    totalCapped = candidates.length > SLA_CANDIDATE_CAP;
    const considered = candidates.slice(0, SLA_CANDIDATE_CAP);
    const records = await recordsOf(
      db,
      considered.map((c) => c.id),
    );
    const kept = considered.filter((row) => {
      const record = records.get(row.id);
      return (
        record !== undefined &&
        passesFilters(record, { sla: query.sla }, (r) => slaStateOfCase(r, ctx.calendar, sla, now))
      );
    });
    total = kept.length;
    page = kept.slice(query.offset, query.offset + query.limit);
  } else {
    const [rows, counted] = await Promise.all([
      ranked.limit(query.limit).offset(query.offset).execute(),
      db
        .selectFrom(
          base
            .select(sql`1`.as('one'))
            .limit(TOTAL_CAP + 1)
            .as('matches'),
        )
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    page = rows;
    total = Math.min(Number(counted.n), TOTAL_CAP);
    totalCapped = Number(counted.n) > TOTAL_CAP;
  }

  const byId = await recordsOf(
    db,
    page.map((row) => row.id),
  );
  const records = page.flatMap((row) => {
    const record = byId.get(row.id);
    return record ? [{ record, score: Number(row.score) }] : [];
  });
  const stored = await storedTextsOf(
    db,
    records.map((r) => r.record.id),
  );
  const hits: CaseSearchHit[] = [];
  for (const { record, score: s } of records) {
    // The SQL visibility rule and core's must agree; a disagreement is a bug, never a leak.
    if (!mayReadCase(ctx, actor, record)) {
      console.error(
        `search: the SQL visibility rule let case ${record.id} through that canReadCase refuses`,
      );
      continue;
    }
    hits.push({
      case: record,
      score: s,
      snippets: isEmptyQuery(q)
        ? []
        : searchSnippets(searchTextsOf(record, stored.get(record.id)), q, { staff }),
    });
  }
  return {
    engine: engine === 'postgres' ? 'postgresql' : 'sqlite',
    hits,
    total,
    totalCapped,
    limit: query.limit,
    offset: query.offset,
  };
}

/**
 * "The case matches these words" as a condition on `cases` alone (for the case list's `q`,
 * which keeps its own order): the same terms and engine as the search. Null when the words
 * hold no term (only function words or punctuation).
 */
export function textMatchWhere(
  engine: Engine,
  text: string,
  staff: boolean,
): Expression<SqlBool> | null {
  const q = queryTerms(text);
  if (isEmptyQuery(q)) return null;
  if (engine === 'postgres') {
    return sql<SqlBool>`cases.id in (select case_id from case_search
      where terms @@ to_tsquery('simple', ${tsQueryOf(q, staff)}))`;
  }
  return sql<SqlBool>`cases.id in (select s.case_id from case_search_fts
    join case_search s on s.doc_id = case_search_fts.rowid
    where case_search_fts match ${ftsQueryOf(q, staff)})`;
}
