/**
 * Authentication middleware: `Authorization: Bearer <token>` (never a token in the URL, which
 * proxy and access logs keep). Sets the session and the actor on the context.
 */
import type { MiddlewareHandler } from 'hono';
import { actorOf } from '../cases/case-rules';
import type { AppEnv } from '../http/app-env';
import { forbidden, unauthorized } from '../http/problem';
import type { ServerContext } from '../server-context';
import { defaultSessionIdleMs, findSession, touchSession } from './session-store';

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

export function requireUser(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw unauthorized();
    const session = await findSession(ctx.db, token, ctx.now());
    if (!session) throw unauthorized('the token is unknown or has expired; sign in again');
    if (session.createdAt) {
      session.expiresAt = await touchSession(
        ctx.db,
        session.tokenHash,
        session.createdAt,
        session.expiresAt,
        ctx.now(),
        {
          ttlMs: ctx.options.sessionTtlMs,
          idleMs: ctx.options.sessionIdleMs ?? defaultSessionIdleMs,
        },
      );
    }
    c.set('session', session);
    c.set('actor', actorOf(session.user));
    await next();
  };
}

export function requireRole(...roles: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('actor').role)) {
      throw forbidden(`this needs one of the roles: ${roles.join(', ')}`, 'role.required');
    }
    await next();
  };
}
