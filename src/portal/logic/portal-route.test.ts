import { describe, expect, it } from 'vitest';
import { hrefOf, type PortalRoute, parseRoute } from './portal-route';

describe('portal addresses', () => {
  it.each<[string, PortalRoute]>([
    ['/portal/', { name: 'home' }],
    ['/portal', { name: 'home' }],
    ['/portal/meld', { name: 'report' }],
    ['/portal/saker', { name: 'cases' }],
    ['/portal/saker/', { name: 'cases' }],
    ['/portal/saker/2026-00042', { name: 'case', id: '2026-00042' }],
    ['/portal/saker/a/b', { name: 'notFound' }],
    ['/portal/konsulent/ola', { name: 'notFound' }],
    ['/portal/tilgjengelegheit', { name: 'statement', kind: 'accessibility' }],
    ['/portal/personvern', { name: 'statement', kind: 'privacy' }],
    ['/', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips every page', () => {
    for (const route of [
      { name: 'home' },
      { name: 'report' },
      { name: 'cases' },
      { name: 'case', id: 'a b/c' },
      { name: 'statement', kind: 'accessibility' },
      { name: 'statement', kind: 'privacy' },
    ] as PortalRoute[]) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
  });
});
