/**
 * Versioned migrations, in code (no files to find at run time), for both engines. Only
 * portable column types are used: text, integer. A migration is never edited once shipped;
 * add a new one. `migrations.test` migrates from empty and from every earlier version.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { v013AdminContent } from '../admin/admin-migration';
import { v008AuditLog } from '../audit/audit-migration';
import { v015Oidc } from '../auth/oidc/oidc-migration';
import { v016bTotpLastStep } from '../auth/totp-migration';
import { v010NotificationOutbox } from '../notifications/notification-migration';
import { v011cPageSends, v011OncallRota } from '../paging/paging-migration';
import { v011bDurableTimers } from '../scheduler/timers-migration';
import { v016Scim } from '../scim/scim-migration';
import { v012CaseSearch } from '../search/case-search-migration';
import { v012bSavedViews } from '../search/saved-views';
import { v014Hardening } from '../security/hardening-migration';
import { v005SlaSettings } from '../settings/settings-migration';
import { v007UsersIdentity } from '../users/users-identity-migration';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

const v001Core: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('municipality_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('counters').values({ name: 'seq', value: 0 }).execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('municipality_id', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('requester_user_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .execute();
    for (const column of ['line', 'status', 'priority', 'municipality_id', 'assignee_id']) {
      await db.schema.createIndex(`cases_${column}`).on('cases').column(column).execute();
    }
    await db.schema
      .createIndex('cases_requester')
      .on('cases')
      .column('requester_user_id')
      .execute();
    await db.schema.createIndex('cases_version').on('cases').column('version').execute();

    await db.schema
      .createTable('case_events')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('client_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'text')
      .addColumn('change_type', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_case').on('case_events').column('case_id').execute();

    await db.schema
      .createTable('mutations')
      .addColumn('mutation_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sign_in_failures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sign_in_failures_key')
      .on('sign_in_failures')
      .columns(['key', 'at'])
      .execute();
  },
};

const v002Content: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('municipality_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('faq_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('category_id', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('form', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

const v003Attachments: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_case').on('attachments').column('case_id').execute();
  },
};

/**
 * Categories are stored whole (the core's ProblemCategory with its localized texts and form)
 * rather than in the flat columns 002 guessed; nothing was written to the old table.
 */
const v004CategoryDefinitions: Migration = {
  async up(db: AnyDb) {
    await db.schema.dropTable('categories').execute();
    await db.schema
      .createTable('categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * The case list filters, counts and pages in SQL, newest change first: an index on
 * (updated_at, id) serves the order and the LIMIT/OFFSET and `changedSince`; one on
 * (municipality_id, updated_at) the consultants' view and the municipality filter. Free text
 * stays a LIKE over `search_text`: a leading-wildcard match uses no B-tree index on either
 * engine, and runs over the rows the other conditions leave.
 */
const v006CaseListIndexes: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('cases_updated_at_id')
      .on('cases')
      .columns(['updated_at', 'id'])
      .execute();
    await db.schema
      .createIndex('cases_municipality_updated_at')
      .on('cases')
      .columns(['municipality_id', 'updated_at'])
      .execute();
  },
};

/** Every migration, oldest first. Names sort in order. */
export const migrations: Record<string, Migration> = {
  '001-core': v001Core,
  '002-content': v002Content,
  '003-attachments': v003Attachments,
  '004-category-definitions': v004CategoryDefinitions,
  '005-sla-settings': v005SlaSettings,
  '006-case-list-indexes': v006CaseListIndexes,
  '007-users-identity': v007UsersIdentity,
  '008-audit-log': v008AuditLog,
  '010-notification-outbox': v010NotificationOutbox,
  '011-oncall-rota': v011OncallRota,
  '011b-durable-timers': v011bDurableTimers,
  '011c-page-sends': v011cPageSends,
  '012-case-search': v012CaseSearch,
  '012b-saved-views': v012bSavedViews,
  '013-admin-content': v013AdminContent,
  '014-hardening': v014Hardening,
  '015-oidc': v015Oidc,
  '016-scim': v016Scim,
  '016b-totp-last-step': v016bTotpLastStep,
};

export const migrationNames = Object.keys(migrations);

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
