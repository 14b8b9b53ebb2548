/**
 * Problem categories with their portal forms: readable by everyone signed in, written by team
 * leaders and admins. The configuration's categories, overridden or extended by those saved
 * through the API.
 */
import { getCategory, listCategories, putCategory } from '@core/api';
import { currentCategories, storeCategory } from '../content/category-store';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';

export function mountCategoryRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, listCategories, async ({ reply }) =>
    reply(200, { categories: await currentCategories(ctx) }),
  );

  mountRoute(app, ctx, getCategory, async ({ params, reply }) => {
    const category = (await currentCategories(ctx)).find((x) => x.id === params.id);
    if (!category) throw notFound('no such category');
    return reply(200, category);
  });

  mountRoute(app, ctx, putCategory, async ({ c, params, body, reply }) => {
    if (body.id !== params.id) {
      throw badRequest('the id in the body differs from the path', [
        { path: 'body.id', message: 'id must match the path' },
      ]);
    }
    await storeCategory(ctx.db, body, c.get('actor').id, ctx.now());
    return reply(200, body);
  });
}
