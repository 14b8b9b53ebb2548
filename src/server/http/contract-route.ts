/**
 * Registering a route of core's API contract (src/core/api) on the Hono app: the path and
 * method come from the contract, access is enforced from it, parameters, query and body are
 * parsed with its schemas (a 400 names each bad field), and — when `validateResponses` is
 * on, as in the tests — every JSON answer is checked against the schema the contract gives
 * for its status, so the document can never promise what the server does not send.
 */

import type { ResponseBody, RouteSpec, SuccessStatus } from '@core/api';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { requireUser } from '../auth/require-user';
import type { ServerContext } from '../server-context';
import type { AppEnv, AppRouter } from './app-env';
import { forbidden, parseBody, parseInput } from './problem';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets: the parsed request, and Hono's context for the rest. */
export interface RouteRequest<R extends RouteSpec> {
  c: Context<AppEnv>;
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: R['bodyKind'] extends 'file' ? Uint8Array : Parsed<R['body']>;
  /** An answer the contract lists for this route: its status and body, typed by it. */
  reply<S extends SuccessStatus<R>>(
    status: S,
    body: ResponseBody<R, S>,
    headers?: Record<string, string>,
  ): RouteReply<R>;
}

/** An answer the contract lists for the route, with extra headers if any. */
export type RouteReply<R extends RouteSpec> = {
  [S in SuccessStatus<R>]: {
    status: S;
    body: ResponseBody<R, S>;
    headers?: Record<string, string>;
  };
}[SuccessStatus<R>];

export type RouteHandler<R extends RouteSpec> = (
  request: RouteRequest<R>,
) => Promise<RouteReply<R> | Response> | RouteReply<R> | Response;

/** `/api/v1/cases/{id}` → `/api/v1/cases/:id`. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function accessCheck(ctx: ServerContext, route: RouteSpec): MiddlewareHandler<AppEnv>[] {
  if (route.access === 'public') return [];
  // The token comes only in the Authorization header (never in a URL, which logs keep).
  const signedIn = requireUser(ctx);
  if (route.access === 'signedIn') return [signedIn];
  const roles: readonly string[] = route.access;
  const role: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!roles.includes(c.get('actor').role)) {
      throw forbidden(`this needs one of the roles: ${roles.join(', ')}`, 'role.required');
    }
    await next();
  };
  return [signedIn, role];
}

/** Thrown (as a 500) when a handler answers what the contract does not list. */
export class ContractViolation extends Error {}

function checkedReply(route: RouteSpec, status: number, body: unknown): void {
  const spec = route.responses[status];
  if (!spec) {
    throw new ContractViolation(`${route.id} answered ${status}, which the contract does not list`);
  }
  if (spec.schema === null) return;
  const result = spec.schema.safeParse(body);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ContractViolation(`${route.id} ${status} does not match the contract: ${where}`);
  }
}

export function mountRoute<const R extends RouteSpec>(
  app: AppRouter,
  ctx: ServerContext,
  route: R,
  handler: RouteHandler<R>,
): void {
  const run: MiddlewareHandler<AppEnv> = async (c) => {
    const params = route.params ? parseInput(route.params, c.req.param(), 'path') : undefined;
    const query = route.query ? parseInput(route.query, c.req.query(), 'query') : undefined;
    let body: unknown;
    if (route.bodyKind === 'file') body = new Uint8Array(await c.req.arrayBuffer());
    else if (route.body) body = await parseBody(c, route.body);
    const reply = await handler({
      c,
      params,
      query,
      body,
      reply: (status: number, out: unknown, headers?: Record<string, string>) => ({
        status,
        body: out,
        ...(headers ? { headers } : {}),
      }),
    } as unknown as RouteRequest<R>);
    if (reply instanceof Response) {
      if (ctx.options.validateResponses && !route.responses[reply.status] && reply.status < 400) {
        throw new ContractViolation(`${route.id} answered ${reply.status}, not in the contract`);
      }
      return reply;
    }
    const {
      status,
      body: out,
      headers,
    } = reply as {
      status: number;
      body: unknown;
      headers?: Record<string, string>;
    };
    if (ctx.options.validateResponses) checkedReply(route, status, out);
    if (route.responses[status]?.schema === null) {
      return c.body(null, status as ContentfulStatusCode, headers);
    }
    return c.json(out, status as ContentfulStatusCode, headers);
  };
  app.on([route.method.toUpperCase()], [honoPath(route.path)], ...accessCheck(ctx, route), run);
}
