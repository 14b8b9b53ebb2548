/** Reading cases: filtered lists, one case with its history, and the pull pages of sync. */
import { sql } from 'kysely';
import { z } from 'zod';
import {
  type CaseEvent,
  type CaseRecord,
  caseStatusSchema,
  prioritySchema,
  supportLineSchema,
} from '../../core/case';
import type { PullResponse } from '../../core/sync';
import type { ServerContext } from '../server-context';
import { eventOf, recordOf } from './case-rows';
import { type CaseActor, mayReadCase, mayReadEvent } from './case-rules';

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

export async function listCases(
  ctx: ServerContext,
  actor: CaseActor,
  query: CaseListQuery,
): Promise<CaseList> {
  let q = ctx.db.selectFrom('cases').select('record');
  if (query.line) q = q.where('line', 'in', query.line);
  if (query.status) q = q.where('status', 'in', query.status);
  if (query.priority) q = q.where('priority', 'in', query.priority);
  if (query.municipality) q = q.where('municipality_id', 'in', query.municipality);
  if (query.assignee === 'none') q = q.where('assignee_id', 'is', null);
  else if (query.assignee) q = q.where('assignee_id', '=', query.assignee);
  if (query.changedSince) {
    q = q.where('updated_at', '>=', new Date(query.changedSince).toISOString());
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    q = q.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  // A requester's own cases are exactly those they reported: narrow in SQL first.
  if (actor.role === 'requester') q = q.where('requester_user_id', '=', actor.id);
  const rows = await q.orderBy('updated_at', 'desc').orderBy('id').execute();
  const visible = rows.map(recordOf).filter((record) => mayReadCase(ctx, actor, record));
  return {
    cases: visible.slice(query.offset, query.offset + query.limit),
    total: visible.length,
    limit: query.limit,
    offset: query.offset,
  };
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
