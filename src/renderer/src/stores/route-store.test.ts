import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route-store';

describe('routes in the URL hash', () => {
  it.each([
    ['', { name: 'board' }],
    ['#/', { name: 'board' }],
    ['#/intake', { name: 'intake' }],
    ['#/case/abc', { name: 'case', caseId: 'abc' }],
    ['#/nonsense', { name: 'board' }],
  ] as const)('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it('round-trips', () => {
    expect(parseRoute(routeHash({ name: 'case', caseId: 'x1' }))).toEqual({
      name: 'case',
      caseId: 'x1',
    });
  });
});
