/**
 * Highlighted snippets: the part of a text around the first word that matches a query, cut
 * into plain and matching pieces, so every client marks the words without HTML from the
 * server. A word matches when one of its terms (the same `textTerms` the index holds)
 * matches the query, so "skrivaren" is marked for the query "skrivarar".
 */
import { type SearchQueryTerms, termMatches, textTerms } from './search-terms';

/** One piece of a snippet: text as written, and whether it matched the query. */
export interface SnippetPiece {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Where a word of the text matches the query, in order. */
function matchingWords(text: string, q: SearchQueryTerms): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(WORD)) {
    if (textTerms(match[0]).some((term) => termMatches(term, q))) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}

/** True when some word of the text matches the query. */
export function textMatches(text: string, q: SearchQueryTerms): boolean {
  return matchingWords(text, q).length > 0;
}

/**
 * The snippet of `text` around its first match, at most about `maxLength` characters, cut at
 * word boundaries with "…" where it was cut; null when no word matches. Whitespace runs are
 * shown as one space.
 */
export function highlightSnippet(
  rawText: string,
  q: SearchQueryTerms,
  maxLength = 160,
): SnippetPiece[] | null {
  const text = rawText.replace(/\s+/g, ' ').trim();
  const hits = matchingWords(text, q);
  if (hits.length === 0) return null;
  const first = hits[0]!;
  let start = 0;
  if (text.length > maxLength && first.start > maxLength / 3) {
    start = text.lastIndexOf(' ', first.start - Math.floor(maxLength / 3));
    start = start < 0 ? 0 : start + 1;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first.end) end = space;
  }
  const pieces: SnippetPiece[] = [];
  let at = start;
  const push = (piece: SnippetPiece) => {
    if (piece.text.length === 0) return;
    const last = pieces[pieces.length - 1];
    if (last && last.hit === piece.hit) last.text += piece.text;
    else pieces.push(piece);
  };
  if (start > 0) push({ text: '…', hit: false });
  for (const hit of hits) {
    if (hit.start < at || hit.end > end) continue;
    push({ text: text.slice(at, hit.start), hit: false });
    push({ text: text.slice(hit.start, hit.end), hit: true });
    at = hit.end;
  }
  push({ text: text.slice(at, end), hit: false });
  if (end < text.length) push({ text: '…', hit: false });
  return pieces;
}
