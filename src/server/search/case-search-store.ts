/**
 * Keeping the full-text index of cases current: every change to a case re-indexes it in the
 * same write transaction (so search never shows a case as it was before a committed change),
 * and a whole rebuild indexes every case from its record and events (the migration, and after
 * a change of core's stemming rules).
 */
import type { CaseChange, CaseRecord } from '@core/case';
import { changeSearchText, indexText, recordSearchTexts } from '@core/search';
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../db/database';

/** The texts kept per case besides its record (JSON arrays of the texts as written). */
export interface CaseSearchTable {
  /** SQLite only: the FTS5 row id. */
  doc_id?: number;
  case_id: string;
  category_id: string | null;
  created_at: string;
  comments: string;
  internal_comments: string;
  attachments: string;
}

export type SearchTables = { case_search: CaseSearchTable };

// biome-ignore lint/suspicious/noExplicitAny: used by the migration as well as at run time
type AnyDb = Kysely<any>;

/** The stored texts of a case, parsed. */
export interface StoredSearchTexts {
  comments: string[];
  internalComments: string[];
  attachments: string[];
}

const emptyTexts = (): StoredSearchTexts => ({
  comments: [],
  internalComments: [],
  attachments: [],
});

function parseList(json: string | null | undefined): string[] {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Adds what a change contributes (a comment, an attachment name) to the stored texts. */
export function withChange(texts: StoredSearchTexts, change: CaseChange): StoredSearchTexts {
  const added = changeSearchText(change);
  if (!added) return texts;
  switch (added.field) {
    case 'comment':
      return { ...texts, comments: [...texts.comments, added.text] };
    case 'internalComment':
      return { ...texts, internalComments: [...texts.internalComments, added.text] };
    default:
      return { ...texts, attachments: [...texts.attachments, added.text] };
  }
}

/** The four weighted parts of a case's index, as space-separated terms. */
export function indexParts(record: CaseRecord, texts: StoredSearchTexts) {
  const details = recordSearchTexts(record)
    .filter((t) => t.field !== 'title')
    .map((t) => t.text);
  return {
    title: indexText(record.title),
    body: indexText(...details, ...texts.attachments),
    comments: indexText(...texts.comments),
    internal: indexText(...texts.internalComments),
  };
}

/** Writes a case's row and its index entry (insert or replace). */
export async function writeCaseSearch(
  db: AnyDb,
  engine: Engine,
  record: CaseRecord,
  texts: StoredSearchTexts,
): Promise<void> {
  const row = {
    case_id: record.id,
    category_id: record.categoryId,
    created_at: record.createdAt,
    comments: JSON.stringify(texts.comments),
    internal_comments: JSON.stringify(texts.internalComments),
    attachments: JSON.stringify(texts.attachments),
  };
  const parts = indexParts(record, texts);
  if (engine === 'postgres') {
    const terms = sql`setweight(to_tsvector('simple', ${parts.title}), 'A')
      || setweight(to_tsvector('simple', ${parts.body}), 'B')
      || setweight(to_tsvector('simple', ${parts.comments}), 'C')
      || setweight(to_tsvector('simple', ${parts.internal}), 'D')`;
    await db
      .insertInto('case_search')
      .values({ ...row, terms })
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet({
          category_id: row.category_id,
          comments: row.comments,
          internal_comments: row.internal_comments,
          attachments: row.attachments,
          terms,
        }),
      )
      .execute();
    return;
  }
  const stored = await db
    .insertInto('case_search')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        category_id: row.category_id,
        comments: row.comments,
        internal_comments: row.internal_comments,
        attachments: row.attachments,
      }),
    )
    .returning('doc_id')
    .executeTakeFirstOrThrow();
  const docId = Number(stored.doc_id);
  await sql`delete from case_search_fts where rowid = ${docId}`.execute(db);
  await sql`insert into case_search_fts (rowid, title, body, comments, internal)
    values (${docId}, ${parts.title}, ${parts.body}, ${parts.comments}, ${parts.internal})`.execute(
    db,
  );
}

/** Re-indexes a case after a change, inside the change's write transaction. */
export async function indexCaseChange(
  db: AnyDb,
  engine: Engine,
  record: CaseRecord,
  change: CaseChange,
): Promise<void> {
  const row = await db
    .selectFrom('case_search')
    .select(['comments', 'internal_comments', 'attachments'])
    .where('case_id', '=', record.id)
    .executeTakeFirst();
  const texts: StoredSearchTexts = row
    ? {
        comments: parseList(row.comments),
        internalComments: parseList(row.internal_comments),
        attachments: parseList(row.attachments),
      }
    : emptyTexts();
  await writeCaseSearch(db, engine, record, withChange(texts, change));
}

/** The stored texts of the cases given, by case id (for snippets). */
export async function storedTextsOf(
  db: AnyDb,
  caseIds: readonly string[],
): Promise<Map<string, StoredSearchTexts>> {
  const found = new Map<string, StoredSearchTexts>();
  if (caseIds.length === 0) return found;
  const rows = await db
    .selectFrom('case_search')
    .select(['case_id', 'comments', 'internal_comments', 'attachments'])
    .where('case_id', 'in', caseIds)
    .execute();
  for (const row of rows) {
    found.set(row.case_id, {
      comments: parseList(row.comments),
      internalComments: parseList(row.internal_comments),
      attachments: parseList(row.attachments),
    });
  }
  return found;
}

/** Indexes every case again from its record and events, a page of cases at a time. */
export async function reindexAllCases(db: AnyDb, engine: Engine, pageSize = 500): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const cases: { id: string; record: string }[] = await db
      .selectFrom('cases')
      .select(['id', 'record'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (cases.length === 0) return count;
    const ids = cases.map((c) => c.id);
    const events: { case_id: string; change: string }[] = await db
      .selectFrom('case_events')
      .select(['case_id', 'change'])
      .where('case_id', 'in', ids)
      .where('change_type', 'in', ['commented', 'attachmentAdded'])
      .orderBy('seq')
      .execute();
    const texts = new Map<string, StoredSearchTexts>();
    for (const e of events) {
      const change = JSON.parse(e.change) as CaseChange;
      texts.set(e.case_id, withChange(texts.get(e.case_id) ?? emptyTexts(), change));
    }
    for (const c of cases) {
      const record = JSON.parse(c.record) as CaseRecord;
      await writeCaseSearch(db, engine, record, texts.get(c.id) ?? emptyTexts());
    }
    count += cases.length;
    after = ids[ids.length - 1]!;
  }
}
