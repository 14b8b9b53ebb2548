import { create } from 'zustand';

/** The screens of the workstation. */
export type Route =
  | { name: 'board' }
  | { name: 'case'; caseId: string }
  | { name: 'intake' }
  /** The team leader's SLA board. */
  | { name: 'sla' }
  /** The SLA board's full-screen wall mode (also `?wall=1`, for a TV's start page). */
  | { name: 'wall' }
  /** Full-text search over every case (Ctrl+K / Ctrl+F), with the words in the hash. */
  | { name: 'search'; q?: string }
  /** Administration (team leaders and admins): one part at a time (`#/admin/<section>`). */
  | { name: 'admin'; section?: string }
  /** User administration (admins; team leaders for their line): the list, or one user. */
  | { name: 'users'; userId?: string }
  /** Notifications: one's own, one's choices; held mail (line 1); undeliverable (admins). */
  | { name: 'notifications' }
  /** On-call: now and next, my paging channels, the rota, the on-call log (`#/vakt`). */
  | { name: 'oncall' };

/** `#/case/<id>`, `#/intake`, `#/sla`, `#/wall` (or `?wall=1`), anything else is the board. */
export function parseRoute(hash: string, search = ''): Route {
  if (/[?&]wall=1\b/.test(search) && !hash.replace(/^#\/?/, '')) return { name: 'wall' };
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'sla') return { name: 'sla' };
  if (parts[0] === 'wall') return { name: 'wall' };
  if (parts[0] === 'case' && parts[1]) return { name: 'case', caseId: parts[1] };
  if (parts[0] === 'intake') return { name: 'intake' };
  if (parts[0] === 'varsel') return { name: 'notifications' };
  if (parts[0] === 'vakt') return { name: 'oncall' };
  if (parts[0] === 'users')
    return parts[1] ? { name: 'users', userId: parts[1] } : { name: 'users' };
  if (parts[0] === 'admin')
    return parts[1] ? { name: 'admin', section: parts[1] } : { name: 'admin' };
  if (parts[0] === 'search') {
    const q = parts.slice(1).join('/');
    return q ? { name: 'search', q: decodeURIComponent(q) } : { name: 'search' };
  }
  return { name: 'board' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/case/${route.caseId}`;
    case 'intake':
      return '#/intake';
    case 'sla':
      return '#/sla';
    case 'wall':
      return '#/wall';
    case 'search':
      return route.q ? `#/search/${encodeURIComponent(route.q)}` : '#/search';
    case 'admin':
      return route.section ? `#/admin/${route.section}` : '#/admin';
    case 'users':
      return route.userId ? `#/users/${encodeURIComponent(route.userId)}` : '#/users';
    case 'notifications':
      return '#/varsel';
    case 'oncall':
      return '#/vakt';
    case 'board':
      return '#/';
  }
}

interface RouteState {
  route: Route;
  navigate: (route: Route) => void;
}

/**
 * Which screen is shown, mirrored in the URL hash so the browser's back button and a
 * notification click ("open the case") work without a router library.
 */
export const useRouteStore = create<RouteState>((set) => ({
  route: parseRoute(globalThis.location?.hash ?? '', globalThis.location?.search ?? ''),
  navigate: (route) => {
    const hash = routeHash(route);
    if (globalThis.location && globalThis.location.hash !== hash) globalThis.location.hash = hash;
    set({ route });
  },
}));

globalThis.addEventListener?.('hashchange', () => {
  useRouteStore.setState({
    route: parseRoute(globalThis.location.hash, globalThis.location.search),
  });
});
