/**
 * Turning text into search terms, the same way on both sides: the text of a case when it is
 * indexed (server: PostgreSQL text search and SQLite FTS5; offline: the workstation's index)
 * and the words a user types. Both engines then compare plain terms (`simple` configuration,
 * `unicode61` tokenizer), so Norwegian stemming and folding are decided here, once.
 *
 * - Words are folded (lower case, æ → ae, ø → o, å → a) and stemmed (`norwegian-stemmer.ts`).
 * - Common function words of Nynorsk and Bokmål are left out on both sides (a query with
 *   "ikkje" should not miss a text with "ikke").
 * - A case number `2026-00042` is one term `202600042`; in a text it also gives the serial as
 *   written (`00042`) and without leading zeros (`42`), so each of those finds the case.
 * - A hyphenated word (`e-post`, `pc-en`) is one joined term in a query; in a text it gives the
 *   joined term and its parts, so "epost", "e-post" and "post" all find "e-post".
 */
import { foldNorwegian, prefixStemFolded, stemFolded } from './norwegian-stemmer';

/** Function words of both written forms (folded), never indexed nor searched. */
export const stopWords: ReadonlySet<string> = new Set([
  'a', 'av', 'at', 'de', 'dei', 'deg', 'den', 'der', 'det', 'du', 'eg', 'ein', 'eit', 'ei',
  'en', 'er', 'et', 'for', 'fra', 'ha', 'har', 'han', 'ho', 'hun', 'i', 'ikkje', 'ikke', 'jeg',
  'kan', 'me', 'med', 'meg', 'men', 'na', 'no', 'og', 'om', 'pa', 'sa', 'seg', 'sin', 'skal',
  'som', 'til', 'var', 'vi', 'vil', 'ved', 'vert', 'blir', 'ble', 'vart', 'ma', 'da', 'so',
]); // biome-ignore format: a word list reads better packed

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CASE_NUMBER = /^(\d{4})-(\d+)$/;

function keep(term: string): boolean {
  return term.length > 0 && (term.length > 1 || /\d/.test(term)) && !stopWords.has(term);
}

/** The terms of one word as found in a text (folded already). */
function wordTerms(word: string, side: 'text' | 'query' | 'prefix'): string[] {
  const number = CASE_NUMBER.exec(word);
  if (number) {
    const joined = `${number[1]}${number[2]}`;
    if (side !== 'text') return [joined];
    const serial = number[2]!;
    return [...new Set([joined, number[1]!, serial, serial.replace(/^0+(?=\d)/, '')])];
  }
  const stem = side === 'prefix' ? prefixStemFolded : stemFolded;
  if (!word.includes('-')) {
    return keep(word) ? [stem(word)] : [];
  }
  const joined = stem(word.replace(/-/g, ''));
  if (side !== 'text') return [joined];
  const parts = word.split('-').filter(keep).map(stemFolded);
  return [...new Set([joined, ...parts])];
}

/** The terms of a text to index, in order (repeats kept, for ranking by frequency). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of foldNorwegian(text).matchAll(WORD)) {
    for (const term of wordTerms(match[0], 'text')) terms.push(term);
  }
  return terms;
}

/** A text as the space-separated terms the engines index. */
export function indexText(...texts: readonly (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .map((t) => textTerms(t).join(' '))
    .filter(Boolean)
    .join(' ');
}

/**
 * A query: every term must match (AND). `prefix` is the last word when the user may still be
 * typing it (the query does not end in a space): it matches any term that starts with it,
 * so results follow each keystroke.
 */
export interface SearchQueryTerms {
  /** Whole terms, each to match exactly. */
  terms: string[];
  /** The last, unfinished term, matched as a prefix; null when the query ends in a space. */
  prefix: string | null;
}

export function queryTerms(query: string): SearchQueryTerms {
  const words = [...foldNorwegian(query).matchAll(WORD)].map((m) => m[0]);
  const open = words.length > 0 && !/\s$/.test(query);
  const terms: string[] = [];
  let prefix: string | null = null;
  words.forEach((word, i) => {
    const last = open && i === words.length - 1;
    const found = wordTerms(word, last ? 'prefix' : 'query');
    if (last && found.length > 0) {
      prefix = found[0]!;
      return;
    }
    terms.push(...found);
  });
  const unique = [...new Set(terms)];
  if (prefix !== null && unique.includes(prefix)) prefix = null;
  return { terms: unique, prefix };
}

/** True when the query has nothing to search for (only function words or nothing). */
export function isEmptyQuery(q: SearchQueryTerms): boolean {
  return q.terms.length === 0 && q.prefix === null;
}

/**
 * Does a term of a text match the query? Exact for whole terms; for the unfinished last word,
 * the term starts with it or with its stem (typing "skrivare" has stem "skriv" but also
 * reaches "skrivarane").
 */
export function termMatches(term: string, q: SearchQueryTerms): boolean {
  if (q.terms.includes(term)) return true;
  return q.prefix !== null && term.startsWith(q.prefix);
}
