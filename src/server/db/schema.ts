/**
 * Table types for Kysely: one description that both engines (SQLite and PostgreSQL) share.
 * JSON lives in text columns and booleans in integers (0/1), so one query layer fits both.
 * Times are ISO-8601 UTC strings (`toISOString()`), which sort and compare as text.
 */
import type { Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** JSON array of municipality ids (consultants and requesters). */
  municipality_ids: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
}

/** Named counters: `seq` (the global event sequence) and `case-number:<year>`. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface CasesTable {
  id: string;
  number: string;
  line: number;
  status: string;
  priority: string;
  municipality_id: string;
  assignee_id: string | null;
  requester_user_id: string | null;
  created_by: string;
  version: number;
  updated_at: string;
  /** Lower-cased number, title, description and requester, for free-text search. */
  search_text: string;
  /** The full CaseRecord as JSON. */
  record: string;
}

export interface CaseEventsTable {
  /** The global sequence: commit order equals seq order (see db/write-lock.ts). */
  seq: number;
  id: string;
  case_id: string;
  at: string;
  client_at: string;
  actor_id: string;
  device_id: string;
  mutation_id: string | null;
  change_type: string;
  /** The CaseChange as JSON. */
  change: string;
}

export interface MutationsTable {
  mutation_id: string;
  user_id: string;
  case_id: string;
  /** The MutationResult as JSON, returned again when the same mutation is pushed twice. */
  result: string;
  created_at: string;
}

export interface SignInFailuresTable {
  id: string;
  /** `<lower-cased username>|<client address>` */
  key: string;
  at: string;
}

export interface NoticesTable {
  id: string;
  title: string;
  body: string;
  severity: string;
  /** JSON array of municipality ids; empty means all. */
  municipality_ids: string;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FaqArticlesTable {
  id: string;
  question: string;
  answer: string;
  category_id: string | null;
  sort_order: number;
  updated_by: string;
  updated_at: string;
}

export interface CategoriesTable {
  id: string;
  /** The ProblemCategory (core/config) as JSON. */
  definition: string;
  sort_order: number;
  updated_by: string;
  updated_at: string;
}

export interface AttachmentsTable {
  id: string;
  case_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  counters: CountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  mutations: MutationsTable;
  sign_in_failures: SignInFailuresTable;
  notices: NoticesTable;
  faq_articles: FaqArticlesTable;
  categories: CategoriesTable;
  attachments: AttachmentsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
