/**
 * `GET /api/v1/config`: the service configuration the clients run with (calendar, SLA
 * targets, municipalities, categories with the team leaders' edits, attachment limits).
 * For everyone signed in; it holds nothing secret.
 */
import { Hono } from 'hono';
import { requireUser } from '../auth/require-user';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';
import { currentCategories } from './category-routes';

export function configRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireUser(ctx), async (c) =>
    c.json({ ...ctx.config, categories: await currentCategories(ctx) }),
  );
  return app;
}
