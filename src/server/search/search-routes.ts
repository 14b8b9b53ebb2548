/** GET /api/v1/search: full-text search over the cases the caller may read. */
import { searchCases as searchCasesRoute } from '@core/api';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { searchCases } from './case-search-query';
import { mountSavedViewRoutes } from './saved-views';

export function mountSearchRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, searchCasesRoute, async ({ c, query, reply }) =>
    reply(200, await searchCases(ctx, c.get('actor'), query)),
  );
  mountSavedViewRoutes(app, ctx);
}
