/**
 * `GET /api/v1/events`: Server-Sent Events for the signed-in user. The token comes in the
 * Authorization header or, since EventSource cannot set headers, as `?token=`.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireUser } from '../auth/require-user';
import { headSeq } from '../db/write-lock';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';

export function eventRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireUser(ctx, { allowQueryToken: true }), async (c) => {
    const actor = c.get('actor');
    const cursor = await headSeq(ctx.db);
    const socket = c.env?.incoming?.socket;
    if (socket) ctx.hub.trackSocket(socket);
    c.header('cache-control', 'no-cache');
    c.header('x-accel-buffering', 'no');
    return streamSSE(
      c,
      async (stream) => {
        await ctx.hub.attach(actor, stream, cursor);
      },
      async () => {},
    );
  });
  return app;
}
