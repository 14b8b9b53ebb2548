import { create } from 'zustand';

/** The screens of the workstation. */
export type Route =
  | { name: 'board' }
  | { name: 'case'; caseId: string }
  | { name: 'intake' }
  /** The team leader's SLA board. */
  | { name: 'sla' }
  /** The SLA board's full-screen wall mode (also `?wall=1`, for a TV's start page). */
  | { name: 'wall' };

/** `#/case/<id>`, `#/intake`, `#/sla`, `#/wall` (or `?wall=1`), anything else is the board. */
export function parseRoute(hash: string, search = ''): Route {
  if (/[?&]wall=1\b/.test(search) && !hash.replace(/^#\/?/, '')) return { name: 'wall' };
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'sla') return { name: 'sla' };
  if (parts[0] === 'wall') return { name: 'wall' };
  if (parts[0] === 'case' && parts[1]) return { name: 'case', caseId: parts[1] };
  if (parts[0] === 'intake') return { name: 'intake' };
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
