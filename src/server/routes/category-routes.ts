/**
 * Problem categories with their portal forms: readable by everyone signed in, written by team
 * leaders and admins. The configuration's categories, overridden or extended by those saved
 * through the API.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { type ProblemCategory, problemCategorySchema } from '../../core/config';
import { requireRole, requireUser } from '../auth/require-user';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, notFound, parseBody } from '../http/problem';
import type { ServerContext } from '../server-context';

const editors = ['teamLeader', 'admin'];

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

export function categoryRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));
  app.get('/', async (c) => c.json({ categories: await currentCategories(ctx) }));
  app.get('/:id', async (c) => {
    const category = (await currentCategories(ctx)).find((x) => x.id === c.req.param('id'));
    if (!category) throw notFound('no such category');
    return c.json(category);
  });
  app.put('/:id', requireRole(...editors), async (c) => {
    const input = await parseBody(c, problemCategorySchema);
    if (input.id !== c.req.param('id')) {
      throw badRequest('the id in the body differs from the path', [
        { path: 'body.id', message: 'id must match the path' },
      ]);
    }
    const row = {
      id: input.id,
      definition: JSON.stringify(input),
      sort_order: 0,
      updated_by: c.get('actor').id,
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db
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
    return c.json(input);
  });
  return app;
}
