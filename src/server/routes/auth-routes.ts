/** Sign in (username + password → bearer token), sign out, who am I. */

import { getMe, signIn, signOut } from '@core/api';
import { getConnInfo } from '@hono/node-server/conninfo';
import { recordAudit } from '../audit/audit-log';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { checkSecondStep, noteSignIn } from '../auth/second-step';
import { createSession, defaultSessionIdleMs, deleteSession } from '../auth/session-store';
import {
  attemptSucceeded,
  clientAddressOf,
  limiterKey,
  reserveAttempt,
} from '../auth/sign-in-limiter';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import { findUserByUsername, publicUser, toStoredUser } from '../users/user-store';

/** The client's address; X-Forwarded-For is believed only from a trusted proxy. */
export function clientAddress(
  c: Parameters<typeof getConnInfo>[0],
  trustedProxies: readonly string[],
): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined; // in-process requests (tests) have no socket
  }
  return clientAddressOf(peer, c.req.header('x-forwarded-for'), trustedProxies);
}

export function mountAuthRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, signIn, async ({ c, body, reply }) => {
    const now = ctx.now();
    const address = clientAddress(c, ctx.options.trustedProxies ?? []);
    const key = limiterKey(body.username, address);
    // Reserved before the password is verified, so parallel guesses cannot overtake the count.
    const reservation = await reserveAttempt(
      ctx.db,
      body.username,
      address,
      now,
      ctx.options.signInLimits,
    );
    if (!reservation.ok) {
      throw new HttpProblem(
        429,
        'Too many requests',
        'too many failed sign-ins; wait and try again',
        {
          headers: { 'retry-after': String(reservation.retryAfter) },
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
      // The reserved attempt stays as the failure.
      throw new HttpProblem(401, 'Unauthorized', 'wrong username or password');
    }
    await checkSecondStep(ctx.db, row, body.totpCode, key, now);
    await attemptSucceeded(ctx.db, reservation.attempt);
    await ctx.db.transaction().execute(async (trx) => {
      await noteSignIn(trx, row.id, now);
      await recordAudit(
        trx,
        {
          actor: { id: row.id, name: row.display_name, address, deviceId: body.deviceId },
          action: row.totp_secret ? 'signIn.passwordTotp' : 'signIn.password',
          targetType: 'user',
          targetId: row.id,
          summary: row.totp_secret
            ? 'Signed in with password and app code'
            : 'Signed in with password',
        },
        now,
      );
    });
    const session = await createSession(
      ctx.db,
      row.id,
      body.deviceId,
      now,
      ctx.options.sessionTtlMs,
      ctx.options.sessionIdleMs ?? defaultSessionIdleMs,
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
