/** Liveness, readiness and Prometheus metrics. */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';

export function healthRoutes(ctx: ServerContext, isShuttingDown: () => boolean): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (isShuttingDown()) return c.json({ status: 'stopping' }, 503);
    try {
      await sql`select 1`.execute(ctx.db);
      return c.json({ status: 'ready', engine: ctx.handle.engine });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  app.get('/metrics', (c) =>
    c.text(ctx.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );
  return app;
}
