/**
 * The bundled renderer is served from `saksbord://app/` rather than `file://`: the page
 * gets a real origin of its own (IndexedDB kept apart from any other local file, an
 * `Origin` header the server can allow by name instead of `null`), every response can
 * carry the Content-Security-Policy header, and nothing outside the renderer folder can be
 * read through it.
 */
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';

export const APP_SCHEME = 'saksbord';
/** The origin of the app's pages, and the URL the main window loads. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready: makes the scheme behave like https (standard URLs,
 * secure context for notifications and IndexedDB, fetch and CORS).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>) {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/**
 * The file on disk for a `saksbord://app/...` URL, or undefined when the URL is for another
 * host or would leave the renderer folder. Paths without an extension are the single-page
 * app's routes and get index.html.
 */
export function rendererFileFor(rendererDir: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const root = resolve(rendererDir);
  const relative = pathname === '/' || extname(pathname) === '' ? 'index.html' : pathname;
  const file = resolve(root, `.${relative.startsWith('/') ? '' : '/'}${relative}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/** Types for the files a Vite build writes (module scripts must be served as JavaScript). */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export interface AppProtocolDeps {
  protocol: Pick<Protocol, 'handle'>;
  /** Reads a file URL (Electron's `net.fetch`, which also reads inside asar archives). */
  fetchFile: (fileUrl: string) => Promise<Response>;
}

/** Serves the renderer folder on the app scheme, each response with the policy header. */
export function serveRenderer(
  deps: AppProtocolDeps,
  options: { rendererDir: string; policy: () => string },
): void {
  deps.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405 });
    }
    const file = rendererFileFor(options.rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    let response: Response;
    try {
      response = await deps.fetchFile(pathToFileURL(file).href);
    } catch {
      return new Response('not found', { status: 404 });
    }
    const headers = new Headers(response.headers);
    const type = contentTypes[extname(file).toLowerCase()];
    if (type) headers.set('Content-Type', type);
    headers.set('Content-Security-Policy', options.policy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
