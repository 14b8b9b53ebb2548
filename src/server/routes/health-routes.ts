/** Liveness, readiness and Prometheus metrics. */

import { createHash, timingSafeEqual } from 'node:crypto';
import { healthz, isLoopbackHost, metrics, readyz } from '@core/api';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sql } from 'kysely';
import { bearerToken } from '../auth/require-user';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { forbidden, unauthorized } from '../http/problem';
import { storageRecentlyFull } from '../http/storage-full';
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
    const reserve = ctx.options.minFreeBytes ?? defaultMinFreeBytes;
    if (storageRecentlyFull(ctx) || (free !== null && free < reserve)) {
      return reply(503, { status: 'storage full' });
    }
    return reply(200, { status: 'ready', engine: ctx.handle.engine });
  });
  mountRoute(app, ctx, metrics, ({ c }) => {
    // Metrics tell the load, the routes and the sync lag: only for the scraper.
    const token = ctx.options.metricsToken;
    if (token) {
      const given = bearerToken(c.req.header('authorization')) ?? '';
      const a = createHash('sha256').update(given).digest();
      const b = createHash('sha256').update(token).digest();
      if (!timingSafeEqual(a, b)) throw unauthorized('the metrics token is missing or wrong');
    } else {
      let peer: string | undefined;
      try {
        peer = getConnInfo(c).remote.address;
      } catch {
        peer = undefined; // in process (tests): no network at all
      }
      if (peer !== undefined && !isLoopbackHost(peer)) {
        throw forbidden('metrics are served to this machine only, or with SAKSBORD_METRICS_TOKEN');
      }
    }
    return c.text(ctx.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' });
  });
}
