/**
 * Where the app's own pages live. Everything else (other sites, other files on disk) is
 * foreign: it may not be navigated to, and it may not talk to main over IPC.
 */

/**
 * True when `url` belongs to the app rooted at `appUrl`.
 * - `file:` roots (the bundled renderer): same scheme and a path inside the root folder.
 * - `http(s):` roots (the dev server): the same origin.
 * - the app's own scheme (`saksbord://app/`): the same scheme and host.
 */
export function isAppUrl(appUrl: string, url: string): boolean {
  let root: URL;
  let candidate: URL;
  try {
    root = new URL(appUrl);
    candidate = new URL(url);
  } catch {
    return false;
  }
  if (root.protocol === 'file:') {
    if (candidate.protocol !== 'file:' || candidate.host !== root.host) return false;
    const folder = root.pathname.endsWith('/')
      ? root.pathname
      : root.pathname.slice(0, root.pathname.lastIndexOf('/') + 1);
    // URL parsing has already resolved `..` segments, so a prefix check is enough.
    return candidate.pathname.startsWith(folder);
  }
  if (root.protocol === 'http:' || root.protocol === 'https:') {
    return candidate.origin === root.origin;
  }
  // The app's own scheme (saksbord://app/): same scheme and host.
  if (root.protocol === 'about:' || root.protocol === 'data:' || root.protocol === 'blob:') {
    return false;
  }
  return candidate.protocol === root.protocol && candidate.host === root.host && root.host !== '';
}

/** Links to these schemes may be handed to the system browser; everything else is dropped. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
