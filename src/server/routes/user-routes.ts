/**
 * `GET /api/v1/users`: the staff directory (id, name, role, municipalities), for showing who
 * a case is assigned to and whom it may be assigned to. Staff only; requesters get 403.
 * Accounts are managed with `saksbord user …`.
 */
import { Hono } from 'hono';
import { isStaff } from '../../core/rules';
import { requireUser } from '../auth/require-user';
import type { AppEnv } from '../http/app-env';
import { forbidden } from '../http/problem';
import type { ServerContext } from '../server-context';
import { listUsers } from '../users/user-store';
import { publicUser } from './auth-routes';

export function userRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireUser(ctx), async (c) => {
    if (!isStaff(c.get('actor'))) throw forbidden('only staff see the directory', 'role.required');
    const users = await listUsers(ctx.db);
    return c.json({
      users: users.filter((u) => !u.disabled && u.role !== 'requester').map(publicUser),
    });
  });
  return app;
}
