/**
 * The installable on-call page at `/vakt/`: sign in, see who is on call, and turn on Web Push
 * for this phone (a web app manifest and a service worker that shows pages and acknowledges
 * them). Plain files in `oncall-page/`, served by the server as they are — no build step —
 * outside `/api`, so not part of the HTTP contract (like the portal's files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';

const files: Record<string, string> = {
  '': 'text/html; charset=utf-8',
  'oncall-page.js': 'text/javascript; charset=utf-8',
  'oncall-page.css': 'text/css; charset=utf-8',
  'sw.js': 'text/javascript; charset=utf-8',
  'manifest.webmanifest': 'application/manifest+json',
  'icon.png': 'image/png',
};

function folder(): string | null {
  const candidates = [
    join(import.meta.dirname ?? '', 'oncall-page'),
    resolve('src/server/paging/oncall-page'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

function fileOf(dir: string, name: string): string {
  if (name === '') return join(dir, 'index.html');
  if (name === 'icon.png') return resolve(dir, '../../../../resources/icon.png');
  return join(dir, name);
}

export function mountOnCallPage(app: Hono<AppEnv>): void {
  const dir = folder();
  if (!dir) return;
  // Files, like the portal's: not API routes (so `all`, which the contract test leaves out).
  app.all('/vakt', (c) => c.redirect('/vakt/', 308));
  app.get('/vakt/:file{.*}', (c) => {
    const name = c.req.param('file') ?? '';
    const type = files[name];
    const path = type === undefined ? null : fileOf(dir, name);
    if (!path || !existsSync(path)) return c.notFound();
    return c.body(readFileSync(path), 200, {
      'content-type': type!,
      'cache-control': 'no-cache',
    });
  });
}
