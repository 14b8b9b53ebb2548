/**
 * `GET /api/v1/events`: Server-Sent Events for the signed-in user. The token comes in the
 * Authorization header only (a token in the URL ends up in proxy and access logs); every
 * client of ours reads the stream with fetch, which can set it. A session may hold a few
 * streams at once (several windows), not hundreds; the stream ends with the session.
 */

import { eventStream } from '@core/api';
import { streamSSE } from 'hono/streaming';
import { headSeq } from '../db/write-lock';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem } from '../http/problem';
import type { ServerContext } from '../server-context';

export const defaultMaxStreamsPerSession = 8;

export function mountEventRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, eventStream, async ({ c }) => {
    const actor = c.get('actor');
    const session = c.get('session');
    const max = ctx.options.maxStreamsPerSession ?? defaultMaxStreamsPerSession;
    if (ctx.hub.streamsOf(session.tokenHash) >= max) {
      throw new HttpProblem(
        429,
        'Too many requests',
        `a session may hold at most ${max} event streams at once`,
        { headers: { 'retry-after': '30' } },
      );
    }
    const cursor = await headSeq(ctx.db);
    const socket = c.env?.incoming?.socket;
    if (socket) ctx.hub.trackSocket(socket);
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(
      c,
      async (stream) => {
        await ctx.hub.attach(actor, stream, cursor, {
          tokenHash: session.tokenHash,
          userId: session.user.id,
          expiresAt: session.expiresAt,
        });
      },
      async () => {},
    );
  });
}
