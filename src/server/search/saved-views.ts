/**
 * Saved views on the server (migration 012b): shared views for the team, and personal ones a
 * user wants on every device. Who may change one is core's rule (`mayEditView`).
 */
import { deleteView, listViews, putView } from '@core/api';
import { mayEditView, type SavedView, savedViewSchema, viewsFor } from '@core/search';
import type { Kysely, Migration } from 'kysely';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { forbidden, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v012bSavedViews: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('saved_views')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      /** ViewFilters as JSON. */
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saved_views_owner').on('saved_views').column('owner_id').execute();
  },
};

interface SavedViewsTable {
  id: string;
  owner_id: string;
  scope: string;
  name: string;
  filters: string;
  updated_at: string;
}
type ViewsDb = { saved_views: SavedViewsTable };

const viewOf = (row: SavedViewsTable): SavedView =>
  savedViewSchema.parse({
    id: row.id,
    ownerId: row.owner_id,
    scope: row.scope,
    name: row.name,
    filters: JSON.parse(row.filters),
    updatedAt: row.updated_at,
  });

export function mountSavedViewRoutes(app: AppRouter, ctx: ServerContext): void {
  const db = () => ctx.db.withTables<ViewsDb>();

  mountRoute(app, ctx, listViews, async ({ c, reply }) => {
    const actor = c.get('actor');
    const rows = await db()
      .selectFrom('saved_views')
      .selectAll()
      .where((eb) => eb.or([eb('scope', '=', 'shared'), eb('owner_id', '=', actor.id)]))
      .execute();
    return reply(200, { views: viewsFor(rows.map(viewOf), actor.id) });
  });

  mountRoute(app, ctx, putView, async ({ c, params, body, reply }) => {
    const actor = c.get('actor');
    const existing = await db()
      .selectFrom('saved_views')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (existing && !mayEditView(viewOf(existing), actor)) {
      throw forbidden(
        'only its owner (and for shared views team leaders and admins) may change a view',
        'view.notEditable',
      );
    }
    const row: SavedViewsTable = {
      id: params.id,
      owner_id: existing?.owner_id ?? actor.id,
      scope: body.scope,
      name: body.name,
      filters: JSON.stringify(body.filters),
      updated_at: ctx.now().toISOString(),
    };
    if (existing) {
      const { id: _id, ...changes } = row;
      await db().updateTable('saved_views').set(changes).where('id', '=', params.id).execute();
    } else {
      await db().insertInto('saved_views').values(row).execute();
    }
    return reply(200, viewOf(row));
  });

  mountRoute(app, ctx, deleteView, async ({ c, params, reply }) => {
    const actor = c.get('actor');
    const existing = await db()
      .selectFrom('saved_views')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!existing) throw notFound('no such view');
    if (!mayEditView(viewOf(existing), actor)) {
      throw forbidden(
        'only its owner (and for shared views team leaders and admins) may delete a view',
        'view.notEditable',
      );
    }
    await db().deleteFrom('saved_views').where('id', '=', params.id).execute();
    return reply(204, undefined);
  });
}
