/** Reading cases: filtered lists, one case with its history, and the pull pages of sync. */

import type { CaseList, CaseListQuery } from '@core/api';
import { applyChange, type CaseEvent, type CaseRecord } from '@core/case';
import type { PullResponse } from '@core/sync';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Engine } from '../db/database';
import type { Database } from '../db/schema';
import { textMatchWhere } from '../search/case-search-query';
import type { ServerContext } from '../server-context';
import { actorRolesOf } from './actor-roles';
import { eventOf, recordOf } from './case-rows';
import { type CaseActor, mayReadCase, mayReadEvent, readableCasesWhere } from './case-rules';
import { casesFor, eventsFor } from './case-view';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The list query's filters and the caller's visibility, as one SQL condition. */
function caseListWhere(
  eb: ExpressionBuilder<Database, 'cases'>,
  actor: CaseActor,
  query: CaseListQuery,
  engine: Engine,
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
    // A substring of `search_text` (lower-cased number, title, description and requester),
    // or the words in the full-text index (stemmed and folded, comments and form answers too:
    // src/server/search), so "skrivarar" also lists the case about "skrivaren".
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    const like = sql<SqlBool>`search_text like ${pattern} escape '\\'`;
    const match = textMatchWhere(engine, query.q, actor.role !== 'requester');
    conditions.push(match ? eb.or([like, match]) : like);
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
  const where = (eb: ExpressionBuilder<Database, 'cases'>) =>
    caseListWhere(eb, actor, query, ctx.handle.engine);
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
  return {
    cases: casesFor(actor, cases),
    total: Number(count.total),
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
  return eventsFor(
    actor,
    rows.map(eventOf).filter((event) => mayReadEvent(actor, event.change)),
  );
}

/**
 * Can this change alter who may read the case? `canReadCase` looks only at the requester and
 * the assignee, so only assignments (and escalations, which clear the assignee) and edits of
 * the requester can make a case visible to somebody who could not read it before.
 */
function mayChangeVisibility(event: CaseEvent): boolean {
  const { change } = event;
  return (
    change.type === 'assigned' ||
    change.type === 'escalated' ||
    (change.type === 'fieldsChanged' && change.changes.requester !== undefined)
  );
}

/**
 * The history of the cases in `caseIds` that an event in the page (seq in `after`..`cursor`)
 * made readable to the actor: every event of theirs with seq ≤ `cursor` that the actor may
 * read. "Made readable" is decided on the case as it was just before and just after that
 * event, replayed from the stored events with the core reducer, so it is exact whatever
 * happened to the case since.
 */
async function historyOfNewlyVisible(
  ctx: ServerContext,
  actor: CaseActor,
  caseIds: string[],
  after: number,
  cursor: number,
): Promise<CaseEvent[]> {
  if (caseIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .where('seq', '<=', cursor)
    .orderBy('seq')
    .execute();
  const byCase = new Map<string, CaseEvent[]>();
  for (const row of rows) {
    const event = eventOf(row);
    byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
  }
  const roles = await actorRolesOf(
    ctx.db,
    rows.map((r) => r.actor_id),
  );
  const history: CaseEvent[] = [];
  for (const events of byCase.values()) {
    let record: CaseRecord | null = null;
    let madeVisible = false;
    for (const e of events) {
      const before = record !== null && mayReadCase(ctx, actor, record);
      record = applyChange(record, e.change, {
        caseId: e.caseId,
        at: e.at,
        actorId: e.actorId,
        actorRole: roles.get(e.actorId) ?? 'agent',
        seq: e.seq,
      });
      if (e.seq > after && e.change.type !== 'created' && !before) {
        madeVisible ||= mayReadCase(ctx, actor, record);
      }
    }
    if (madeVisible) history.push(...events.filter((e) => mayReadEvent(actor, e.change)));
  }
  return history;
}

/**
 * One page of changes after `after`: events in sequence order that the actor may see, and the
 * current record of each case they touch. The cursor moves past events the actor may not
 * see, so paging never stalls on them.
 *
 * When an event in the page makes a case readable to the actor (an assignment to a
 * consultant of another municipality after an escalation, the case moved to their
 * municipality, a requester's account put on it), the page carries the case's history: all of
 * its events with seq ≤ the page's cursor that the actor may read (requesters: no internal
 * comments, no worklog), which this client was never given because the case was not theirs to
 * read then. `events` stays in sequence order and may start at or below `after`. A client
 * that pulled an event of the case earlier (readability is judged on the case as it is at the
 * time of the pull) may get it again: clients store events by id, so a repeat is harmless.
 * Events of cases that are not readable now are left out, as before.
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
  const pageEvents = page.filter((e) => records.has(e.caseId) && mayReadEvent(actor, e.change));
  // Cases created within the page have no earlier events; the others are candidates only when
  // a change in the page could have made them readable.
  const createdHere = new Set(page.filter((e) => e.change.type === 'created').map((e) => e.caseId));
  const candidates = [
    ...new Set(
      page
        .filter((e) => records.has(e.caseId) && !createdHere.has(e.caseId))
        .filter(mayChangeVisibility)
        .map((e) => e.caseId),
    ),
  ];
  const cursor = page.length > 0 ? page[page.length - 1]!.seq : after;
  const history = await historyOfNewlyVisible(ctx, actor, candidates, after, cursor);
  const bySeq = new Map<number, CaseEvent>();
  for (const e of [...history, ...pageEvents]) bySeq.set(e.seq, e);
  const events = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const touched = new Set(events.map((e) => e.caseId));
  return {
    events: eventsFor(actor, events),
    cases: casesFor(
      actor,
      [...records.values()].filter((r) => touched.has(r.id)),
    ),
    cursor,
    hasMore,
    epoch: ctx.replicaEpoch,
  };
}
