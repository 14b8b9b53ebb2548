/** GET /api/v1/search: full-text search over the cases the caller may read. */
import { listKnownFaults, searchCases as searchCasesRoute } from '@core/api';
import { isOpenStatus } from '@core/case';
import { sql } from 'kysely';
import { recordOf } from '../cases/case-rows';
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

  // Open major incidents by category and municipality: title and number only, so a requester
  // learns that the fault is known (and may join it) without reading anyone else's case.
  mountRoute(app, ctx, listKnownFaults, async ({ query, reply }) => {
    let q = ctx.db
      .selectFrom('cases')
      .select('record')
      .where('status', 'in', ['new', 'inProgress', 'waiting', 'reopened'])
      .where(sql<boolean>`record like ${'%"majorIncident":true%'}`);
    if (query.municipality) q = q.where('municipality_id', '=', query.municipality);
    const faults = (await q.limit(50).execute())
      .map(recordOf)
      .filter((r) => r.majorIncident === true && isOpenStatus(r.status))
      .filter((r) => !query.category || r.categoryId === query.category)
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        categoryId: r.categoryId,
        municipalityId: r.requester.municipalityId,
      }));
    return reply(200, { faults });
  });
}
