/**
 * The self-service portal (built by `npm run build:portal` into `out/portal`, beside the web
 * renderer's `out/web`) at `/portal`: its files, and its index page for every other path
 * under `/portal` so the portal routes on the client. Mounted only when the build exists, and
 * never when static files are switched off (`staticDir: null`, as in the API tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env';

/** Where the portal build lives for a given web-renderer build folder. */
export function portalDirFor(staticDir: string | null): string | null {
  return staticDir ? join(dirname(staticDir), 'portal') : null;
}

export function mountPortal(app: Hono<AppEnv>, staticDir: string | null): void {
  const dir = portalDirFor(staticDir);
  if (!dir || !existsSync(join(dir, 'index.html'))) return;
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  app.get('/portal', (c) => c.redirect('/portal/', 308));
  app.use(
    '/portal/*',
    serveStatic({ root: dir, rewriteRequestPath: (path) => path.replace(/^\/portal/, '') }),
  );
  app.get('/portal/*', (c) => c.html(index));
}
