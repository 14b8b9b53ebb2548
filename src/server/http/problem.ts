/**
 * RFC 9457 problem documents: every error the API returns is one of these, with a field list
 * for bad input. Nothing else (no stack traces) reaches a client.
 */

import type { FieldError, ProblemDocument } from '@core/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type { FieldError, ProblemDocument };

/** What a problem may carry besides its status, title and detail. */
export interface ProblemExtra {
  errors?: FieldError[];
  /** Machine-readable rule, for rule refusals. */
  rule?: string;
  /** The rule's parameters, so clients word the refusal in their user's language. */
  params?: Readonly<Record<string, string | number>>;
  headers?: Record<string, string>;
}

/** Throw from a handler; the app's error handler turns it into a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail);
  }
}

const typeBase = 'https://saksbord.no/problems/';

export function problemBody(
  status: number,
  title: string,
  detail: string,
  extra: Omit<ProblemExtra, 'headers'> = {},
): ProblemDocument {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { params, ...rest } = extra;
  return {
    type: `${typeBase}${slug}`,
    title,
    status,
    detail,
    ...rest,
    ...(params ? { params: { ...params } } : {}),
  };
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  extra: ProblemExtra = {},
): Response {
  const { headers, ...rest } = extra;
  return c.body(JSON.stringify(problemBody(status, title, detail, rest)), status, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new HttpProblem(400, 'Bad request', detail, { errors });
export const unauthorized = (detail = 'sign in first') =>
  new HttpProblem(401, 'Unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } });
export const forbidden = (detail: string, rule?: string) =>
  new HttpProblem(403, 'Forbidden', detail, rule ? { rule } : {});
export const notFound = (detail: string) => new HttpProblem(404, 'Not found', detail);

/** Where a value came from, for the field paths in a 400. */
export type InputPlace = 'body' | 'query' | 'header' | 'path';

export function fieldErrors(place: InputPlace, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [place, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses `value` or throws a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  place: InputPlace,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(place, result.error);
  throw badRequest(`invalid ${place}: ${errors.map((e) => e.path).join(', ')}`, errors);
}

/** The JSON body, parsed with `schema`; malformed JSON is a 400 too. */
/**
 * A JSON body must say so: `Content-Type: application/json` (or `…+json`). A cross-site HTML
 * form can post `text/plain` or `application/x-www-form-urlencoded` without a preflight; a
 * server that parsed JSON whatever the type would take sign-in attempts from any site.
 */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let value: unknown;
  try {
    const text = await c.req.text();
    if (text.length > 0 && !isJsonContentType(c.req.header('content-type'))) {
      throw new HttpProblem(415, 'Unsupported media type', 'the body must be application/json', {
        errors: [{ path: 'header.content-type', message: 'must be application/json' }],
      });
    }
    value = text.length === 0 ? undefined : JSON.parse(text);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw badRequest('the body is not valid JSON', [
      { path: 'body', message: 'expected a JSON document' },
    ]);
  }
  return parseInput(schema, value, 'body');
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query(), 'query');
}
