/**
 * `GET /api/v1/events`: Server-Sent Events for the signed-in user. The token comes in the
 * Authorization header or, since EventSource cannot set headers, as `?token=`.
 */

import { eventStream } from '@core/api';
import { streamSSE } from 'hono/streaming';
import { headSeq } from '../db/write-lock';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';

export function mountEventRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, eventStream, async ({ c }) => {
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
}
