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

/** True when nothing narrows the cases in SQL: the actor reads every case, no filter is set. */
function sqlFiltersNone(actor: CaseActor, query: CaseSearchQuery): boolean {
  const readsAll = actor.role !== 'requester' && actor.role !== 'consultant';
  const { line, status, priority, municipality, category, assignee } = query;
  const { createdFrom, createdTo, changedFrom, changedTo } = query;
  return (
    readsAll &&
    [line, status, priority, municipality, category, assignee].every((f) => f === undefined) &&
    [createdFrom, createdTo, changedFrom, changedTo].every((f) => f === undefined)
  );
}

/** The matching, filtered, ranked query (without paging), and its score expression. */
function matchQuery(
  db: Kysely<SearchDb>,
  engine: Engine,
  actor: CaseActor,
  query: CaseSearchQuery,
  q: SearchQueryTerms,
  /** Join only this many best matches to the cases (null: all). */
  candidates: number | null = null,
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
    // As on SQLite: rank inside case_search (the GIN index finds, ts_rank scores) and join
    // only the best `candidates` to the cases for filters and order.
    const limit = candidates === null ? sql`` : sql` limit ${candidates}`;
    const ranked = sql`(select case_id as doc, ts_rank(terms, ${tsq}) as score
      from case_search where terms @@ ${tsq} order by score desc${limit})`;
    return {
      base: db
        .selectFrom(ranked.as('f'))
        .innerJoin('cases', (join) => join.on(sql<SqlBool>`cases.id = f.doc`))
        .innerJoin('case_search', 'case_search.case_id', 'cases.id')
        .where((eb) =>
          filtersWhere(
            eb as unknown as ExpressionBuilder<SearchDb, 'cases' | 'case_search'>,
            actor,
            query,
          ),
        ),
      score: sql<number>`f.score`,
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
  // FTS5 ranks inside its own table first (the best `candidates`), and only those rows are
  // joined to the cases for filters and order: joining every match (tens of thousands for a
  // common word) to the case rows cost ten times more than the ranking itself.
  const limit = candidates === null ? sql`` : sql` limit ${candidates}`;
  const ranked = sql`(select rowid as doc, -bm25(case_search_fts, 10.0, 4.0, 2.0, 1.0) as score
    from case_search_fts where case_search_fts match ${ftsQueryOf(q, staff)}
    order by score desc${limit})`;
  return {
    base: db
      .selectFrom(ranked.as('f'))
      .innerJoin('case_search', (join) => join.on(sql<SqlBool>`case_search.doc_id = f.doc`))
      .innerJoin('cases', 'cases.id', 'case_search.case_id')
      .where((eb) =>
        filtersWhere(
          eb as unknown as ExpressionBuilder<SearchDb, 'cases' | 'case_search'>,
          actor,
          query,
        ),
      ),
    // bm25 is lower for better matches; weights per column: title, body, comments, internal.
    score: sql<number>`f.score`,
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
  // Rank the best matches inside the text index and join only those; when the filters leave
  // too few of them for the page, join every match after all.
  const needed = query.sla ? SLA_CANDIDATE_CAP + 1 : query.offset + query.limit;
  const unfiltered = sqlFiltersNone(actor, query);
  const firstTry = !isEmptyQuery(q) ? (unfiltered ? needed : Math.max(needed, 2_000)) : null;
  let { base, score } = matchQuery(db, engine, actor, query, q, firstTry);
  // Ranked on ids only: the records (JSON, kilobytes each) are read for the page alone.
  const rankedOf = (b: typeof base, s: typeof score) =>
    b
      .select(['cases.id as id', s.as('score')])
      .orderBy('score', 'desc')
      .orderBy('cases.updated_at', 'desc')
      .orderBy('cases.id');
  let ranked = rankedOf(base, score);
  if (firstTry !== null && !unfiltered) {
    const got = await ranked.limit(needed).execute();
    if (got.length < needed) {
      ({ base, score } = matchQuery(db, engine, actor, query, q, null));
      ranked = rankedOf(base, score);
    }
  }
  const countBase = firstTry !== null ? matchQuery(db, engine, actor, query, q, null).base : base;
  // Nothing narrows the matches in SQL: count them in the text index alone (no ranking, no join).
  const countUnfiltered = async (): Promise<number> => {
    const inner =
      engine === 'postgres'
        ? sql`select 1 from case_search where terms @@ to_tsquery('simple', ${tsQueryOf(q, staff)}) limit ${TOTAL_CAP + 1}`
        : sql`select 1 from case_search_fts where case_search_fts match ${ftsQueryOf(q, staff)} limit ${TOTAL_CAP + 1}`;
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from (${inner}) as matches`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  };
  const countAll = async (): Promise<number> => {
    if (firstTry !== null && unfiltered) return countUnfiltered();
    const counted = await db
      .selectFrom(
        countBase
          .select(sql`1`.as('one'))
          .limit(TOTAL_CAP + 1)
          .as('matches'),
      )
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };

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
    const [rows, n] = await Promise.all([
      ranked.limit(query.limit).offset(query.offset).execute(),
      countAll(),
    ]);
    page = rows;
    total = Math.min(n, TOTAL_CAP);
    totalCapped = n > TOTAL_CAP;
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
