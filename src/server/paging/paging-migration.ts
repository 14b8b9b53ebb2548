/**
 * Migration 011: the on-call rota and paging. Portable types only (text, integer), like every
 * migration; never edited once shipped.
 * - `oncall_settings`: key/value JSON (the rotation, the VAPID key pair, the link secret).
 * - `oncall_overrides`: one period's primary or backup set by hand (swaps are two rows).
 * - `paging_contacts`: how a person is paged (SMS number, e-mail) and which channels are on.
 * - `push_subscriptions`: Web Push subscriptions (RFC 8030 endpoint + RFC 8291 keys).
 * - `paging_incidents`: one per case that became critical: its plan, step, acknowledgement.
 * - `paging_log`: every page, delivery, failure, escalation, acknowledgement and SLA warning,
 *   shown in the case's history and read by the on-call log.
 * - `ack_tokens`: signed single-use acknowledgement links (stored as SHA-256).
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v011OncallRota: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('oncall_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('oncall_overrides')
      .addColumn('period_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('oncall_overrides_pk', ['period_id', 'role'])
      .execute();
    await db.schema
      .createTable('paging_contacts')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('push_on', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sms_on', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('email_on', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('endpoint', 'text', (c) => c.notNull().unique())
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('push_subscriptions_user')
      .on('push_subscriptions')
      .column('user_id')
      .execute();
    await db.schema
      .createTable('paging_incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('period_id', 'text')
      /** The PagingPlan (core) as JSON. */
      .addColumn('plan', 'text', (c) => c.notNull())
      .addColumn('step', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text')
      .addColumn('acknowledged_via', 'text')
      .execute();
    await db.schema
      .createIndex('paging_incidents_case')
      .on('paging_incidents')
      .column('case_id')
      .execute();
    await db.schema
      .createIndex('paging_incidents_started')
      .on('paging_incidents')
      .column('started_at')
      .execute();
    await db.schema
      .createTable('paging_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('step', 'integer')
      .addColumn('target', 'text')
      .addColumn('target_name', 'text')
      .addColumn('channel', 'text')
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('paging_log_case')
      .on('paging_log')
      .columns(['case_id', 'at'])
      .execute();
    await db.schema
      .createTable('ack_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },
};

/**
 * Migration 011c: one row per page message being sent, so two attempts never send the same
 * page at once (an outbox lease can run out while a slow send is still under way) and a page
 * that reached its peer is not sent again. Times are the machine's real clock.
 */
export const v011cPageSends: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('page_sends')
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('ok', 'integer')
      .execute();
  },
};
