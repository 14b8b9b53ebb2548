/**
 * Saksbord's offline shell for web mode (the desktop app loads from its own scheme and needs
 * none). The cases live in IndexedDB; this keeps the app itself (index.html and its assets)
 * so a browser tab can be reloaded, or opened again, without network.
 *
 * Network first for everything it handles, so an online user always gets the newest build;
 * the cache answers only when the network fails. The API and the portal are never touched.
 */
const CACHE = 'saksbord-shell-v1';
const scope = self.registration.scope;
const shellUrl = new URL('./', scope).href;

/** Same-origin GETs of the app, not the API nor the portal. */
function handled(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  const path = url.pathname;
  return !path.startsWith('/api/') && !path.startsWith('/portal');
}

/** The scripts and styles an index page loads. */
function assetsOf(html) {
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], shellUrl));
  return urls.filter((u) => u.origin === self.location.origin).map((u) => u.href);
}

/**
 * Caches the index page and those of its assets not cached yet (their names carry a content
 * hash, so a cached one never changes); drops assets an older build left behind.
 */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put(shellUrl, response);
  const cached = await Promise.all(assets.map((url) => cache.match(url)));
  const missing = assets.filter((_, i) => !cached[i]);
  if (missing.length > 0) await cache.addAll(missing);
  const keep = new Set([shellUrl, ...assets]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url) && new URL(request.url).pathname.includes('/assets/')) {
      await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(shellUrl, { cache: 'no-cache' });
      if (response.ok) await storeShell(cache, response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!handled(request)) return;
  // The app routes on the hash: every page load is the index page.
  const key = request.mode === 'navigate' ? shellUrl : request.url;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) {
          if (request.mode === 'navigate') event.waitUntil(storeShell(cache, response.clone()));
          else await cache.put(key, response.clone());
        }
        return response;
      } catch (error) {
        const cached = await cache.match(key);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
