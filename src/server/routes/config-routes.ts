/**
 * `GET /api/v1/config`: the service configuration the clients run with (calendar, SLA
 * targets, municipalities, categories with the team leaders' edits, attachment limits).
 * For everyone signed in; it holds nothing secret. The SLA part is the settings in force:
 * a team leader's stored targets (`PUT /api/v1/settings/sla`) over the file's defaults. After
 * such a change clients get a `settingsChanged` live event and fetch this again.
 */
import { Hono } from 'hono';
import { requireUser } from '../auth/require-user';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import { currentCategories } from './category-routes';

export function configRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireUser(ctx), async (c) => {
    const [categories, sla] = await Promise.all([
      currentCategories(ctx),
      readSlaSettings(ctx.db, ctx.config.sla),
    ]);
    return c.json({ ...ctx.config, sla: sla.sla, categories });
  });
  return app;
}
