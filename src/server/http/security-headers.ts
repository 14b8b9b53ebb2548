/**
 * Security headers on every answer, as HTTP headers (a `<meta>` CSP cannot say
 * `frame-ancestors`, so the apps could be framed by another site):
 * - a Content-Security-Policy per kind of answer: the workstation's web build at `/`, the
 *   portal at `/portal`, the API docs page, and `default-src 'none'` for the API;
 * - `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no framing anywhere),
 *   `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`;
 * - `Cache-Control: no-store` on API answers (cases, tokens and files stay out of caches);
 * - `Strict-Transport-Security` when the server itself speaks HTTPS.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

const workstationCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self' http://127.0.0.1:* http://localhost:* https:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const portalCsp =
  "default-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const docsCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

export function cspFor(path: string): string {
  if (path === '/api/v1/docs') return docsCsp;
  if (path.startsWith('/api/')) return apiCsp;
  if (path === '/portal' || path.startsWith('/portal/')) return portalCsp;
  return workstationCsp;
}

export function securityHeaders(options: { https: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // Through `c.header`, which copies a finished answer first: setting the headers of the
    // answer object itself is lost for the Node adapter's lightweight responses.
    const set = (name: string, value: string) => {
      if (!c.res.headers.has(name)) c.header(name, value);
    };
    const path = c.req.path;
    set('content-security-policy', cspFor(path));
    set('x-frame-options', 'DENY');
    set('x-content-type-options', 'nosniff');
    set('referrer-policy', 'no-referrer');
    if (path.startsWith('/api/')) set('cache-control', 'no-store');
    if (options.https) set('strict-transport-security', 'max-age=31536000');
  };
}
