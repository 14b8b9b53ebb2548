/** Sign in (username + password → bearer token), sign out, who am I. */

import { getMe, signIn, signOut } from '@core/api';
import { getConnInfo } from '@hono/node-server/conninfo';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { createSession, deleteSession } from '../auth/session-store';
import {
  clearFailures,
  limiterKey,
  recordFailure,
  retryAfterSeconds,
} from '../auth/sign-in-limiter';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import { findUserByUsername, publicUser, toStoredUser } from '../users/user-store';

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export function mountAuthRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, signIn, async ({ c, body, reply }) => {
    const now = ctx.now();
    const key = limiterKey(body.username, clientAddress(c));
    const wait = await retryAfterSeconds(ctx.db, key, now, ctx.options.signInLimits);
    if (wait > 0) {
      throw new HttpProblem(
        429,
        'Too many requests',
        'too many failed sign-ins; wait and try again',
        {
          headers: { 'retry-after': String(wait) },
        },
      );
    }
    const row = await findUserByUsername(ctx.db, body.username);
    // Verify against a dummy hash for unknown users and for accounts without a local password
    // (single sign-on only), so timing does not reveal who exists or how they sign in.
    const hasPassword = row !== undefined && row.password_hash !== '';
    const ok =
      (await verifyPassword(
        hasPassword ? row.password_hash : await dummyPasswordHash(),
        body.password,
      )) && hasPassword;
    if (!row || !ok || Number(row.disabled) !== 0) {
      await recordFailure(ctx.db, key, now);
      throw new HttpProblem(401, 'Unauthorized', 'wrong username or password');
    }
    await clearFailures(ctx.db, key, now, ctx.options.signInLimits);
    const session = await createSession(
      ctx.db,
      row.id,
      body.deviceId,
      now,
      ctx.options.sessionTtlMs,
    );
    return reply(200, { ...session, user: publicUser(toStoredUser(row)) });
  });

  mountRoute(app, ctx, signOut, async ({ c, reply }) => {
    const { tokenHash } = c.get('session');
    await deleteSession(ctx.db, tokenHash);
    // Its live streams end at once, in every server process.
    const ended = { cursor: 0, sessionEnded: { tokenHash } };
    await ctx.bus.publish(ctx.db, ended);
    ctx.bus.committed(ended);
    return reply(204, undefined);
  });

  mountRoute(app, ctx, getMe, ({ c, reply }) => {
    const session = c.get('session');
    return reply(200, {
      user: publicUser(session.user),
      deviceId: session.deviceId,
      expiresAt: session.expiresAt,
    });
  });
}
