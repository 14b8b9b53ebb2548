/**
 * `GET /api/v1/service-status[?at=ISO]`: is support open, is on-call staffed, which number
 * to call, and when that changes. No sign-in: a telephone switchboard asks this.
 */
import { getServiceStatus } from '@core/api';
import { statusAt } from '@core/calendar';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest } from '../http/problem';
import type { ServerContext } from '../server-context';

export function mountServiceStatusRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, getServiceStatus, ({ query, reply }) => {
    const at = query.at ? new Date(query.at) : ctx.now();
    try {
      return reply(200, statusAt(ctx.calendar, at));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw badRequest(error.message, [{ path: 'query.at', message: error.message }]);
    }
  });
}
