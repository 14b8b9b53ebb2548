/** The portal's pages and their addresses under `/portal/` (the server sends index.html for all). */
export type PortalRoute =
  | { name: 'home' }
  | { name: 'report' }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'notFound' };

export const portalBase = '/portal/';

/** The page for a pathname; anything outside the portal's pages is `notFound`. */
export function parseRoute(pathname: string): PortalRoute {
  const rest = pathname.startsWith(portalBase)
    ? pathname.slice(portalBase.length)
    : pathname === '/portal'
      ? ''
      : null;
  if (rest === null) return { name: 'notFound' };
  const parts = rest.split('/').filter((p) => p.length > 0);
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && parts[0] === 'meld') return { name: 'report' };
  if (parts[0] === 'saker') {
    if (parts.length === 1) return { name: 'cases' };
    if (parts.length === 2) return { name: 'case', id: decodeURIComponent(parts[1]!) };
  }
  return { name: 'notFound' };
}

export function hrefOf(route: PortalRoute): string {
  switch (route.name) {
    case 'home':
    case 'notFound':
      return portalBase;
    case 'report':
      return `${portalBase}meld`;
    case 'cases':
      return `${portalBase}saker`;
    case 'case':
      return `${portalBase}saker/${encodeURIComponent(route.id)}`;
  }
}
