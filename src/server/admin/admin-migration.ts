/**
 * Migration 013: administration in the app. The municipality directory (seeded from the
 * configuration file once, then the truth), reply templates, the portal's statements, a
 * record of what the file seeded (to report later drift), and translations and categories
 * for notices and FAQ articles. Portable types only; never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v013AdminContent: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('municipalities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('config_seeds')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('seeded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reply_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('statements')
      .addColumn('kind', 'text', (c) => c.primaryKey())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    for (const table of ['notices', 'faq_articles']) {
      await db.schema
        .alterTable(table)
        .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('category_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    }
  },
};
