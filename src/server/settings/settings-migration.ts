/**
 * Migration 005: settings changed at run time (the SLA targets team leaders edit on the
 * board), with an audit table of every change: who, when, from which device, old and new.
 * Portable types only (text, integer), like every migration; never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v005SlaSettings: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      /** JSON of the value. */
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('settings_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text', (c) => c.notNull())
      .addColumn('new_value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('settings_audit_key')
      .on('settings_audit')
      .columns(['key', 'version'])
      .execute();
  },
};
