/**
 * Table types for Kysely: one description that both engines (SQLite and PostgreSQL) share.
 * JSON lives in text columns and booleans in integers (0/1), so one query layer fits both.
 * Times are ISO-8601 UTC strings (`toISOString()`), which sort and compare as text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { OidcLoginsTable, OidcSessionsTable } from '../auth/oidc/oidc-migration';
import type {
  InboundMailTable,
  MailLinkUsesTable,
  NotificationPreferencesTable,
  NotificationsTable,
  ServerSecretsTable,
} from '../notifications/notification-tables';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  /** JSON array of municipality ids (consultants and requesters). */
  municipality_ids: string;
  /** Empty for an account without a local password (single sign-on only). */
  password_hash: string;
  disabled: number;
  created_at: string;
  email: string | null;
  /** `local` (made here), `oidc` (made at a first single sign-on) or `scim` (provisioned). */
  source: Generated<string>;
  /** The identity provider (config `identityProviders[].id`) of an SSO or SCIM account. */
  provider_id: string | null;
  /** The provider's id for the person (OIDC `sub`/`oid`, SCIM `externalId`). */
  external_id: string | null;
  /** `nn`, `nb` or `en`; null until the person chooses (Nynorsk then). */
  locale: string | null;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
  /** Base32 TOTP secret of a local staff account with two-step sign-in on. */
  totp_secret: string | null;
  /** The time step of the last TOTP code accepted (migration 016b): older or equal ones are refused. */
  totp_last_step: number | null;
  updated_at: string | null;
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
  /** The client's own clock when it was moved or far off (migration 014); else null. */
  claimed_client_at?: string | null;
}

export interface MutationsTable {
  mutation_id: string;
  user_id: string;
  case_id: string;
  /** The MutationResult as JSON, returned again when the same mutation is pushed twice. */
  result: string;
  created_at: string;
  /** SHA-256 of the mutation's case id and change (migration 014); null before it. */
  body_hash?: string | null;
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
  /** JSON `{nb?, en?}` of `{title, body}` (migration 013). */
  translations: string;
  /** JSON array of category ids (migration 013). */
  category_ids: string;
}

export interface FaqArticlesTable {
  id: string;
  question: string;
  answer: string;
  category_id: string | null;
  sort_order: number;
  updated_by: string;
  updated_at: string;
  /** JSON `{nb?, en?}` of `{question, answer}` (migration 013). */
  translations: string;
  /** JSON array of category ids (migration 013). */
  category_ids: string;
}

/** Migration 013: the municipality directory (a MunicipalityConfig as JSON per row). */
export interface MunicipalitiesTable {
  id: string;
  definition: string;
  sort_order: number;
  updated_by: string;
  updated_at: string;
}

/** Migration 013: what the configuration file seeded, to report later drift. */
export interface ConfigSeedsTable {
  key: string;
  value: string;
  seeded_at: string;
}

/** Migration 013: reply templates (a ReplyTemplateInput as JSON). */
export interface ReplyTemplatesTable {
  id: string;
  definition: string;
  updated_by: string;
  updated_at: string;
}

/** Migration 013: the portal's statements (a StatementInput as JSON), by kind. */
export interface StatementsTable {
  kind: string;
  definition: string;
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

/** Append-only: see audit/audit-log.ts. */
export interface AuditLogTable {
  id: string;
  at: string;
  /** Null for the system (CLI, provisioning, timers). */
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  /** JSON object. */
  details: string;
  device_id: string | null;
  address: string | null;
}

/** On-call paging (see paging/paging-migration.ts). */
export interface OncallSettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_by: string;
  updated_at: string;
}

export interface OncallOverridesTable {
  period_id: string;
  role: string;
  user_id: string | null;
  set_by: string;
  set_at: string;
}

export interface PagingContactsTable {
  user_id: string;
  phone: string | null;
  email: string | null;
  push_on: number;
  sms_on: number;
  email_on: number;
  updated_at: string;
}

export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

export interface PagingIncidentsTable {
  id: string;
  case_id: string;
  started_at: string;
  mode: string;
  period_id: string | null;
  /** The PagingPlan (core) as JSON. */
  plan: string;
  step: number;
  /** open | acknowledged | closed */
  status: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: string | null;
}

export interface PagingLogTable {
  id: string;
  incident_id: string | null;
  case_id: string;
  at: string;
  /** paged | delivered | failed | escalated | acknowledged | slaWarning */
  kind: string;
  step: number | null;
  target: string | null;
  target_name: string | null;
  channel: string | null;
  detail: string;
}

export interface AckTokensTable {
  token_hash: string;
  incident_id: string;
  target: string;
  user_id: string | null;
  expires_at: string;
  used_at: string | null;
}

/** One row per page message being sent (paging-migration.ts, 011c). */
export interface PageSendsTable {
  message_id: string;
  started_at: string;
  finished_at: string | null;
  ok: number | null;
}

/** Durable timers (see scheduler/timers-migration.ts). */
export interface TimersTable {
  id: string;
  key: string;
  kind: string;
  case_id: string | null;
  due_at: string;
  /** JSON. */
  payload: string;
  /** pending | firing | fired | cancelled */
  state: string;
  claimed_by: string | null;
  claim_until: string | null;
  fired_at: string | null;
  fired_by: string | null;
  created_at: string;
}

/** A SCIM provider's group (its displayName is what `roles.map` names). */
export interface ScimGroupsTable {
  id: string;
  provider_id: string;
  display_name: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ScimGroupMembersTable {
  group_id: string;
  user_id: string;
}

/** The SCIM User resource as last written, JSON (attributes without a users column). */
export interface ScimUserAttributesTable {
  user_id: string;
  attributes: string;
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
  audit_log: AuditLogTable;
  municipalities: MunicipalitiesTable;
  config_seeds: ConfigSeedsTable;
  reply_templates: ReplyTemplatesTable;
  statements: StatementsTable;
  oncall_settings: OncallSettingsTable;
  oncall_overrides: OncallOverridesTable;
  paging_contacts: PagingContactsTable;
  push_subscriptions: PushSubscriptionsTable;
  paging_incidents: PagingIncidentsTable;
  paging_log: PagingLogTable;
  ack_tokens: AckTokensTable;
  timers: TimersTable;
  page_sends: PageSendsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_link_uses: MailLinkUsesTable;
  server_secrets: ServerSecretsTable;
  inbound_mail: InboundMailTable;
  scim_groups: ScimGroupsTable;
  scim_group_members: ScimGroupMembersTable;
  scim_user_attributes: ScimUserAttributesTable;
  oidc_logins: OidcLoginsTable;
  oidc_sessions: OidcSessionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
