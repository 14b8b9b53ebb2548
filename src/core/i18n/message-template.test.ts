import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from './message-template';

describe('message templates', () => {
  it.each([
    ['Sak {number} er flytt', { number: '2026-00042' }, 'Sak 2026-00042 er flytt'],
    ['{a} og {b}', { a: 1, b: 2 }, '1 og 2'],
    ['Sak {number} er flytt', {}, 'Sak {number} er flytt'],
    ['Ingen plasshaldarar', undefined, 'Ingen plasshaldarar'],
    ['{count} saker', { count: 0 }, '0 saker'],
  ])('%s with %o gives %s', (template, params, expected) => {
    expect(fillTemplate(template, params)).toBe(expected);
  });

  it('passes each value through the given display function', () => {
    expect(fillTemplate('{from} → {to}', { from: 'new', to: 'waiting' }, (_n, v) => `«${v}»`)).toBe(
      '«new» → «waiting»',
    );
  });

  it('lists the placeholders sorted', () => {
    expect(placeholdersOf('{to} frå {from}, {to}')).toEqual(['from', 'to', 'to']);
  });
});
