/** Problem categories: the configuration's, with the team leaders' and admins' edits. */

import type { ProblemCategory } from '@core/config';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';

/**
 * Categories: the configuration's, with those team leaders and admins have added or edited
 * through the API taking precedence by id.
 */
export async function currentCategories(
  ctx: ServerContext,
  /** A transaction to read in (the write path reads inside its own). */
  db: Kysely<Database> = ctx.db,
): Promise<ProblemCategory[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('sort_order').execute();
  const stored = new Map(rows.map((r) => [r.id, JSON.parse(r.definition) as ProblemCategory]));
  const fromConfig = ctx.config.categories.map((c) => stored.get(c.id) ?? c);
  const added = rows.filter((r) => !ctx.config.categories.some((c) => c.id === r.id));
  return [...fromConfig, ...added.map((r) => stored.get(r.id)!)];
}

/** Adds or replaces a category definition. */
export async function storeCategory(
  db: Kysely<Database>,
  category: ProblemCategory,
  by: string,
  at: Date,
): Promise<void> {
  const row = {
    id: category.id,
    definition: JSON.stringify(category),
    sort_order: 0,
    updated_by: by,
    updated_at: at.toISOString(),
  };
  await db
    .insertInto('categories')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        definition: row.definition,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
