/** Liveness, readiness and Prometheus metrics. */

import { healthz, metrics, readyz } from '@core/api';
import { sql } from 'kysely';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { defaultMinFreeBytes, freeBytes } from './attachment-routes';

export function mountHealthRoutes(
  app: AppRouter,
  ctx: ServerContext,
  isShuttingDown: () => boolean,
): void {
  mountRoute(app, ctx, healthz, ({ reply }) => reply(200, { status: 'ok' }));
  mountRoute(app, ctx, readyz, async ({ reply }) => {
    if (isShuttingDown()) return reply(503, { status: 'stopping' });
    try {
      await sql`select 1`.execute(ctx.db);
    } catch {
      return reply(503, { status: 'database unavailable' });
    }
    // A full disk fails every write (the database's too): not ready for traffic.
    const free = await freeBytes(ctx.options.dataDir);
    if (free !== null && free < (ctx.options.minFreeBytes ?? defaultMinFreeBytes)) {
      return reply(503, { status: 'storage full' });
    }
    return reply(200, { status: 'ready', engine: ctx.handle.engine });
  });
  mountRoute(app, ctx, metrics, ({ c }) =>
    c.text(ctx.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );
}
