/** Sign in (username + password → bearer token), sign out, who am I. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { z } from 'zod';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { requireUser } from '../auth/require-user';
import { createSession, deleteSession } from '../auth/session-store';
import {
  clearFailures,
  limiterKey,
  recordFailure,
  retryAfterSeconds,
} from '../auth/sign-in-limiter';
import type { AppEnv } from '../http/app-env';
import { HttpProblem, parseBody } from '../http/problem';
import type { ServerContext } from '../server-context';
import { findUserByUsername, type StoredUser, toStoredUser } from '../users/user-store';

export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(1_000),
  /** The installation signing in; recorded on every change made with the token. */
  deviceId: z.string().trim().min(1).max(200).default('web'),
});

export function publicUser(user: StoredUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    municipalityIds: user.municipalityIds,
  };
}

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export function authRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/sign-in', async (c) => {
    const body = await parseBody(c, signInRequestSchema);
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
    // Verify against a dummy hash for unknown users, so timing does not reveal who exists.
    const ok = await verifyPassword(
      row?.password_hash ?? (await dummyPasswordHash()),
      body.password,
    );
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
    return c.json({ ...session, user: publicUser(toStoredUser(row)) });
  });

  app.post('/sign-out', requireUser(ctx), async (c) => {
    await deleteSession(ctx.db, c.get('session').tokenHash);
    return c.body(null, 204);
  });

  app.get('/me', requireUser(ctx), (c) => {
    const session = c.get('session');
    return c.json({
      user: publicUser(session.user),
      deviceId: session.deviceId,
      expiresAt: session.expiresAt,
    });
  });

  return app;
}
