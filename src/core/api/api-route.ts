import type { z } from 'zod';
import type { Role } from '../rules/actor';

/**
 * One HTTP route of the Saksbord API, described once: the server registers it from this, the
 * OpenAPI document is generated from it, and the web client is typed by it. Paths are written
 * as OpenAPI writes them (`/api/v1/cases/{id}`).
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * Who may call a route: anyone, anyone signed in, or only the roles listed. The server
 * enforces this before the handler runs; the document says it.
 */
export type RouteAccess = 'public' | 'signedIn' | readonly Role[];

/** A successful answer: a JSON body (`schema`), no body (`null`), or another kind of content. */
export interface ResponseSpec {
  description: string;
  /** The JSON body; `null` for no body (204). */
  schema: z.ZodType | null;
  /** For non-JSON answers (a file, an event stream, metrics text). */
  contentType?: string;
}

/** How the request body is sent: JSON (default) or the raw bytes of a file. */
export type BodyKind = 'json' | 'file';

export interface RouteSpec {
  /** Unique, stable name: the OpenAPI operationId and the client's name for it. */
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyKind?: BodyKind;
  /** Request headers the route reads (documented; each parsed by the handler). */
  headers?: Readonly<Record<string, string>>;
  /** Every successful answer by status (a 409 that carries a result counts as an answer). */
  responses: Readonly<Record<number, ResponseSpec>>;
  /** Statuses answered with a problem document, with what each means here. */
  problems: Readonly<Record<number, string>>;
}

/** Declares a route, keeping its literal types for the server and the client. */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

/** The statuses of a route's successful answers. */
export type SuccessStatus<R extends RouteSpec> = keyof R['responses'] & number;

/** The body of a route's answer with `status`, as sent (the schema's output). */
export type ResponseBody<
  R extends RouteSpec,
  S extends SuccessStatus<R>,
> = R['responses'][S] extends { schema: infer Z }
  ? Z extends z.ZodType
    ? z.output<Z>
    : undefined
  : never;

/** Any successful answer of a route, with its status. */
export type RouteAnswer<R extends RouteSpec> = {
  [S in SuccessStatus<R>]: { status: S; body: ResponseBody<R, S> };
}[SuccessStatus<R>];

/** A file to send as the body (a browser `Blob`/`File` is one); core knows no DOM types. */
export interface FileLike {
  readonly size: number;
  readonly type: string;
}

/** What a caller gives for a route (the schemas' inputs). */
export type RouteInput<R extends RouteSpec> = (R['params'] extends z.ZodObject
  ? { params: z.input<R['params']> }
  : { params?: undefined }) &
  (R['query'] extends z.ZodObject ? { query?: z.input<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType
    ? R['bodyKind'] extends 'file'
      ? { body: FileLike }
      : { body: z.input<R['body']> }
    : { body?: undefined }) & { headers?: Record<string, string> };

/** A path with its `{name}` parameters filled in (each value URI-encoded). */
export function fillPath(path: string, params: Readonly<Record<string, unknown>> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The roles a route is limited to, or null when any signed-in user (or anyone) may call it. */
export function rolesOf(route: Pick<RouteSpec, 'access'>): readonly Role[] | null {
  return typeof route.access === 'string' ? null : route.access;
}
