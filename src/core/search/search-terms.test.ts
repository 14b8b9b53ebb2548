import { describe, expect, it } from 'vitest';
import { highlightSnippet } from './search-highlight';
import { indexText, queryTerms, termMatches, textTerms } from './search-terms';

/** Does the query find the text, as the engines decide (every term, the last as a prefix)? */
function finds(query: string, text: string): boolean {
  const q = queryTerms(query);
  const terms = new Set(textTerms(text));
  if (!q.terms.every((t) => terms.has(t))) return false;
  return q.prefix === null || [...terms].some((t) => t.startsWith(q.prefix!));
}

describe('search terms', () => {
  it.each([
    ['skrivarar ', 'Skrivaren på rådhuset skriv ikkje ut', true],
    ['skrivarar ', 'Ny skrivar til eininga', true],
    ['skriverne ', 'Skrivarane i 2. etasje', true],
    ['printarane ', 'Printeren står', true],
    ['radhuset ', 'Skrivaren på rådhuset', true],
    ['rådhus skrivar ', 'skrivaren på rådhuset', true],
    ['skrivar ikke ', 'skrivaren skriv ikkje', true],
    ['skrivar nettverk ', 'skrivaren skriv ikkje', false],
    ['skrivaran', 'Skrivarane i 2. etasje', true],
    ['skjer', 'skjermen er svart', true],
    ['2026-00042 ', 'sak 2026-00042', true],
    ['2026-0004', 'sak 2026-00042', true],
    ['00042 ', 'sak 2026-00042', true],
    ['42 ', 'sak 2026-00042', true],
    ['e-post ', 'får ikkje epost', true],
    ['epost ', 'får ikkje e-post', true],
    ['post ', 'får ikkje e-post', true],
  ])('%j finds %j: %s', (query, text, expected) => {
    expect(finds(query, text)).toBe(expected);
  });

  it('leaves out function words of both written forms, and single letters', () => {
    expect(textTerms('Eg har ikkje tilgang, og jeg har ikke tilgang i a')).toEqual([
      'tilgang',
      'tilgang',
    ]);
    expect(queryTerms('ikkje og ')).toEqual({ terms: [], prefix: null });
  });

  it('takes the last word as a prefix while it is being typed', () => {
    expect(queryTerms('skrivar rådhu')).toEqual({ terms: ['skriv'], prefix: 'radhu' });
    expect(queryTerms('skrivar rådhus ')).toEqual({ terms: ['skriv', 'radhus'], prefix: null });
    expect(termMatches('radhus', queryTerms('rådh'))).toBe(true);
  });

  it('indexes several texts as one string of terms', () => {
    expect(indexText('Skrivaren', null, '', 'E-post')).toBe('skriv epost post');
  });
});

describe('highlighted snippets', () => {
  it('marks every word that matches, in its written form', () => {
    expect(
      highlightSnippet('Skrivaren skriv ikkje. Ny skrivar?', queryTerms('skrivarar ')),
    ).toEqual([
      { text: 'Skrivaren', hit: true },
      { text: ' ', hit: false },
      { text: 'skriv', hit: true },
      { text: ' ikkje. Ny ', hit: false },
      { text: 'skrivar', hit: true },
      { text: '?', hit: false },
    ]);
  });

  it('cuts a long text around the first match, at word boundaries', () => {
    const long = `${'innleiing '.repeat(30)}skjermen er svart ${'etterord '.repeat(30)}`;
    const pieces = highlightSnippet(long, queryTerms('skjerm '), 80)!;
    const text = pieces.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(84);
    expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['skjermen']);
  });

  it('is null when nothing matches', () => {
    expect(highlightSnippet('Nettverket er nede', queryTerms('skrivar '))).toBeNull();
  });
});
