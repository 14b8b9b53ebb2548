/**
 * `GET /api/v1/service-status[?at=ISO]`: is support open, is on-call staffed, which number
 * to call, and when that changes. No sign-in: a telephone switchboard asks this.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { statusAt } from '../../core/calendar';
import type { AppEnv } from '../http/app-env';
import { badRequest, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

export const serviceStatusQuerySchema = z.object({
  at: z.iso
    .datetime({ offset: true, error: 'at must be an ISO-8601 instant with offset' })
    .optional(),
});

export function serviceStatusRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const query = parseQuery(c, serviceStatusQuerySchema);
    const at = query.at ? new Date(query.at) : ctx.now();
    try {
      return c.json(statusAt(ctx.calendar, at));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw badRequest(error.message, [{ path: 'query.at', message: error.message }]);
    }
  });
  return app;
}
