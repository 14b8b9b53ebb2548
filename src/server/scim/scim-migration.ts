/**
 * Migration 016: what SCIM provisioning keeps besides the account itself. A provider's groups
 * (`scim_groups`, with their members in `scim_group_members`) decide a provisioned user's role
 * through the provider's `roles.map`; `scim_user_attributes` keeps the rest of each SCIM User
 * resource as the provider last sent it (name parts, phone numbers, extension attributes),
 * so a GET returns what was written even where Saksbord has no column for it.
 * Portable types only (text); never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v016Scim: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('scim_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('scim_groups_provider_name')
      .unique()
      .on('scim_groups')
      .columns(['provider_id', 'display_name'])
      .execute();
    await db.schema
      .createTable('scim_group_members')
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scim_group_members_pk', ['group_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('scim_group_members_user')
      .on('scim_group_members')
      .column('user_id')
      .execute();
    await db.schema
      .createTable('scim_user_attributes')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
