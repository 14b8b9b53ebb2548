/** Reading cases: filtered lists, one case with its history, and the pull pages of sync. */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import {
  type CaseEvent,
  type CaseRecord,
  caseStatusSchema,
  prioritySchema,
  supportLineSchema,
} from '../../core/case';
import type { PullResponse } from '../../core/sync';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';
import { eventOf, recordOf } from './case-rows';
import { type CaseActor, mayReadCase, mayReadEvent, readableCasesWhere } from './case-rules';

/** A comma-separated query value, each item parsed with `item`. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter((s) => s.length > 0) : v),
    z.array(item).min(1),
  );

export const caseListQuerySchema = z.object({
  line: listOf(z.coerce.number().pipe(supportLineSchema)).optional(),
  status: listOf(caseStatusSchema).optional(),
  priority: listOf(prioritySchema).optional(),
  municipality: listOf(z.string().min(1)).optional(),
  /** A user id, or `none` for unassigned cases. */
  assignee: z.string().min(1).optional(),
  /** Free text: number, title, description, requester. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Cases changed at or after this instant. */
  changedSince: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export interface CaseList {
  cases: CaseRecord[];
  total: number;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The list query's filters and the caller's visibility, as one SQL condition. */
function caseListWhere(
  eb: ExpressionBuilder<Database, 'cases'>,
  actor: CaseActor,
  query: CaseListQuery,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [readableCasesWhere(eb, actor)];
  if (query.line) conditions.push(eb('line', 'in', query.line));
  if (query.status) conditions.push(eb('status', 'in', query.status));
  if (query.priority) conditions.push(eb('priority', 'in', query.priority));
  if (query.municipality) conditions.push(eb('municipality_id', 'in', query.municipality));
  if (query.assignee === 'none') conditions.push(eb('assignee_id', 'is', null));
  else if (query.assignee) conditions.push(eb('assignee_id', '=', query.assignee));
  if (query.changedSince) {
    conditions.push(eb('updated_at', '>=', new Date(query.changedSince).toISOString()));
  }
  if (query.q) {
    // `search_text` is lower-cased number, title, description and requester (case-rows.ts),
    // so a plain LIKE on the lower-cased query is case-insensitive on both engines.
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    conditions.push(sql<SqlBool>`search_text like ${pattern} escape '\\'`);
  }
  return eb.and(conditions);
}

/**
 * One page of the cases the actor may read that match the filters, newest change first, and
 * how many match in all. Filters, visibility, order, LIMIT/OFFSET and the count all run in
 * SQL; only the page is read and parsed. `mayReadCase` still checks each returned record as a
 * final guard (a disagreement with the SQL condition would be a bug, and is logged).
 */
export async function listCases(
  ctx: ServerContext,
  actor: CaseActor,
  query: CaseListQuery,
): Promise<CaseList> {
  const where = (eb: ExpressionBuilder<Database, 'cases'>) => caseListWhere(eb, actor, query);
  const [rows, count] = await Promise.all([
    ctx.db
      .selectFrom('cases')
      .select('record')
      .where(where)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    ctx.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('total'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  const records = rows.map(recordOf);
  const cases = records.filter((record) => mayReadCase(ctx, actor, record));
  if (cases.length !== records.length) {
    console.error(
      `case list: the SQL visibility rule let ${records.length - cases.length} case(s) through that canReadCase refuses (role ${actor.role})`,
    );
  }
  return { cases, total: Number(count.total), limit: query.limit, offset: query.offset };
}

export async function loadCase(
  ctx: ServerContext,
  idOrNumber: string,
): Promise<CaseRecord | undefined> {
  const column = /^\d{4}-\d+$/.test(idOrNumber) ? 'number' : 'id';
  const row = await ctx.db
    .selectFrom('cases')
    .select('record')
    .where(column, '=', idOrNumber)
    .executeTakeFirst();
  return row && recordOf(row);
}

export async function eventBySeq(ctx: ServerContext, seq: number): Promise<CaseEvent | undefined> {
  const row = await ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row && eventOf(row);
}

export async function caseEvents(
  ctx: ServerContext,
  actor: CaseActor,
  caseId: string,
): Promise<CaseEvent[]> {
  const rows = await ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map(eventOf).filter((event) => mayReadEvent(actor, event.change));
}

/**
 * One page of changes after `after`: events in sequence order that the actor may see, and the
 * current record of each case they touch. The cursor moves past events the actor may not
 * see, so paging never stalls on them.
 */
export async function pullPage(
  ctx: ServerContext,
  actor: CaseActor,
  after: number,
  limit: number,
): Promise<PullResponse> {
  const rows = await ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).map(eventOf);
  const caseIds = [...new Set(page.map((e) => e.caseId))];
  const caseRows = caseIds.length
    ? await ctx.db.selectFrom('cases').select('record').where('id', 'in', caseIds).execute()
    : [];
  const records = new Map<string, CaseRecord>();
  for (const row of caseRows) {
    const record = recordOf(row);
    if (mayReadCase(ctx, actor, record)) records.set(record.id, record);
  }
  const events = page.filter((e) => records.has(e.caseId) && mayReadEvent(actor, e.change));
  const touched = new Set(events.map((e) => e.caseId));
  return {
    events,
    cases: [...records.values()].filter((r) => touched.has(r.id)),
    cursor: page.length > 0 ? page[page.length - 1]!.seq : after,
    hasMore,
  };
}
