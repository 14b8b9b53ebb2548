/**
 * Migration 012: the full-text index of cases, in each engine's own text search.
 *
 * `case_search` holds, per case, what the record does not: its comments (to the requester,
 * and internal ones apart), and the names of its attachments, as written (for snippets);
 * plus the case's category and creation time for filters. The index itself holds terms
 * already folded and stemmed by core (`@core/search`), so the engines compare plain terms:
 *
 * - PostgreSQL: a `tsvector` column with a GIN index, built with the `simple` configuration
 *   (no stemming of its own: PostgreSQL's `norwegian` is a Bokmål stemmer that splits Nynorsk
 *   forms) and weights title A, details B, comments C, internal comments D; a requester's
 *   query is limited to weights A–C, so internal comments never match for them.
 * - SQLite: an FTS5 table (contentless, with deletes) with columns title, body, comments,
 *   internal, and prefix indexes for the word being typed; requesters' queries name the
 *   first three columns only.
 *
 * Existing cases are indexed from their records and events as the migration runs.
 */
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';
import { reindexAllCases } from './case-search-store';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const v012CaseSearch: Migration = {
  async up(db: AnyDb) {
    const postgres = isPostgres(db);
    if (postgres) {
      await sql`create table case_search (
        case_id text primary key references cases(id),
        category_id text,
        created_at text not null,
        comments text not null default '[]',
        internal_comments text not null default '[]',
        attachments text not null default '[]',
        terms tsvector not null
      )`.execute(db);
      await sql`create index case_search_terms on case_search using gin (terms)`.execute(db);
    } else {
      await sql`create table case_search (
        doc_id integer primary key,
        case_id text not null unique references cases(id),
        category_id text,
        created_at text not null,
        comments text not null default '[]',
        internal_comments text not null default '[]',
        attachments text not null default '[]'
      )`.execute(db);
      await sql`create virtual table case_search_fts using fts5(
        title, body, comments, internal,
        content='', contentless_delete=1, tokenize='unicode61', prefix='2 3 4'
      )`.execute(db);
    }
    await sql`create index case_search_created on case_search (created_at)`.execute(db);
    await sql`create index case_search_category on case_search (category_id)`.execute(db);
    await reindexAllCases(db, postgres ? 'postgres' : 'sqlite');
  },
};
