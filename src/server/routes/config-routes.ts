/**
 * `GET /api/v1/config`: the service configuration the clients run with (calendar, SLA
 * targets, the municipality directory, categories with the team leaders' edits, attachment
 * limits).
 * For everyone signed in; it holds nothing secret. The SLA part is the settings in force:
 * a team leader's stored targets (`PUT /api/v1/settings/sla`) over the file's defaults. After
 * such a change clients get a `settingsChanged` live event and fetch this again.
 */
import { getConfig } from '@core/api';
import { currentCategories } from '../content/category-store';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';

export function mountConfigRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, getConfig, async ({ reply }) => {
    const [categories, sla] = await Promise.all([
      currentCategories(ctx),
      readSlaSettings(ctx.db, ctx.config.sla),
    ]);
    // Municipalities from the live directory (the database), retired ones too, marked.
    return reply(200, {
      ...ctx.config,
      municipalities: [...ctx.directory.all],
      sla: sla.sla,
      categories,
    });
  });
}
