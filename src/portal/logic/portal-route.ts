/** The portal's pages and their addresses under `/portal/` (the server sends index.html for all). */
export type PortalRoute =
  | { name: 'home' }
  | { name: 'report' }
  | { name: 'cases' }
  | { name: 'case'; id: string }
  /** The accessibility or privacy statement: readable signed in or not. */
  | { name: 'statement'; kind: 'accessibility' | 'privacy' }
  /** Changing one's own password (local accounts). */
  | { name: 'account' }
  /** E-mail choices (the link in every mail). */
  | { name: 'notifications' }
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
  if (parts.length === 1 && parts[0] === 'konto') return { name: 'account' };
  if (parts.length === 1 && parts[0] === 'varsel') return { name: 'notifications' };
  if (parts.length === 1 && parts[0] === 'tilgjengelegheit') {
    return { name: 'statement', kind: 'accessibility' };
  }
  if (parts.length === 1 && parts[0] === 'personvern')
    return { name: 'statement', kind: 'privacy' };
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
    case 'account':
      return `${portalBase}konto`;
    case 'notifications':
      return `${portalBase}varsel`;
    case 'statement':
      return `${portalBase}${route.kind === 'accessibility' ? 'tilgjengelegheit' : 'personvern'}`;
  }
}
