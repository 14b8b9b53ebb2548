/**
 * `GET /api/v1/users`: the staff directory (id, name, role, municipalities), for showing who
 * a case is assigned to and whom it may be assigned to. Staff only; requesters get 403.
 * Accounts are managed with `saksbord user …`.
 */
import { listUsers as listUsersRoute } from '@core/api';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';
import { listUsers, publicUser } from '../users/user-store';

export function mountUserRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, listUsersRoute, async ({ reply }) => {
    const users = await listUsers(ctx.db);
    return reply(200, {
      users: users.filter((u) => !u.disabled && u.role !== 'requester').map(publicUser),
    });
  });
}
