import type { CaseSearchHit } from '@core/api/index';
import type { CaseRecord } from '@core/case/index';
import {
  isEmptyQuery,
  passesFilters,
  queryTerms,
  recordSearchTexts,
  type SearchFilters,
  type SearchQueryTerms,
  type SearchText,
  searchSnippets,
  textTerms,
} from '@core/search/index';
import type { SlaState } from '@core/sla/index';

/**
 * Full-text search over the cases this client holds, for when the server cannot be asked
 * (offline) and for results before the server has answered. The same terms as the server
 * (core's Norwegian stemming and folding), the same filters and snippets; ranked like the
 * server's (title before details before comments), then newest change first.
 *
 * Each case keeps its terms as one string with a space on both sides (" skriv radhus "), so
 * a whole term is found with `includes(" term ")` and the word being typed with
 * `includes(" prefix")`: about 20 ms for 50,000 cases, without the memory of a word index.
 */
export interface SearchableTexts {
  /** " t1 t2 … " of the title. */
  title: string;
  /** " t1 t2 … " of the number, description, form answers, requester, unit, attachments. */
  details: string;
  /** " t1 t2 … " of comments to the requester. */
  comments: string;
  /** " t1 t2 … " of internal comments. */
  internal: string;
}

/** Comments and attachment names of a case (from its events), as written. */
export interface EventTexts {
  texts: SearchText[];
}

const termString = (texts: readonly string[]) => {
  const terms = new Set<string>();
  for (const text of texts) for (const term of textTerms(text)) terms.add(term);
  return terms.size === 0 ? ' ' : ` ${[...terms].join(' ')} `;
};

/** The term strings of a record and the texts its events added. */
export function searchableTextsOf(
  record: Pick<CaseRecord, 'number' | 'title' | 'description' | 'formValues' | 'requester'>,
  events: readonly SearchText[] = [],
  provisionalNumber?: string | null,
): SearchableTexts {
  const own = recordSearchTexts(record);
  const details = own.filter((t) => t.field !== 'title').map((t) => t.text);
  if (provisionalNumber) details.push(provisionalNumber);
  return {
    title: termString([record.title]),
    details: termString([
      ...details,
      ...events.filter((t) => t.field === 'attachment').map((t) => t.text),
    ]),
    comments: termString(events.filter((t) => t.field === 'comment').map((t) => t.text)),
    internal: termString(events.filter((t) => t.field === 'internalComment').map((t) => t.text)),
  };
}

const fieldWeights = { title: 10, details: 4, comments: 2, internal: 1 } as const;

/** The strings to look for, one per query term: " term " whole, " prefix" for the last. */
export function needlesOf(q: SearchQueryTerms): string[] {
  const needles = q.terms.map((t) => ` ${t} `);
  if (q.prefix !== null) needles.push(` ${q.prefix}`);
  return needles;
}

const staffFields = ['title', 'details', 'comments', 'internal'] as const;
const requesterFields = ['title', 'details', 'comments'] as const;

/** How well the case matches (0: not every term matches), like the server's weights. */
export function localScore(
  texts: SearchableTexts,
  needles: readonly string[],
  staff: boolean,
): number {
  const fields = staff ? staffFields : requesterFields;
  let score = 0;
  for (const needle of needles) {
    let best = 0;
    for (const field of fields) {
      if (fieldWeights[field] > best && texts[field].includes(needle)) best = fieldWeights[field];
    }
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/** What the search needs of each held case. */
export interface LocalSearchCase {
  record: CaseRecord;
  texts: SearchableTexts;
  /** Comments and attachment names, for snippets (absent until the events are read). */
  events?: readonly SearchText[];
}

export interface LocalSearchResult {
  hits: CaseSearchHit[];
  total: number;
}

/**
 * The best matches among `cases`: every query term in some field the user may read (internal
 * comments only for staff), passing the filters; an empty query lists by the filters, newest
 * change first. Snippets only for the page returned.
 */
export function searchLocalCases(
  cases: Iterable<LocalSearchCase>,
  query: string,
  filters: SearchFilters,
  {
    staff,
    slaOf,
    limit = 25,
    offset = 0,
  }: {
    staff: boolean;
    slaOf: (record: CaseRecord) => SlaState | null;
    limit?: number;
    offset?: number;
  },
): LocalSearchResult {
  const q = queryTerms(query);
  const empty = isEmptyQuery(q);
  const needles = needlesOf(q);
  // Only the best `offset + limit` are kept, in order, as the cases go by: sorting tens of
  // thousands of matches on every keystroke (with string comparisons) cost more than the
  // matching itself.
  const keep = offset + limit;
  const found: { c: LocalSearchCase; score: number }[] = [];
  let total = 0;
  const before = (a: { c: LocalSearchCase; score: number }, b: typeof a) =>
    a.score !== b.score
      ? a.score > b.score
      : a.c.record.updatedAt !== b.c.record.updatedAt
        ? a.c.record.updatedAt > b.c.record.updatedAt
        : a.c.record.id < b.c.record.id;
  for (const c of cases) {
    const score = empty ? 0 : localScore(c.texts, needles, staff);
    if (!empty && score === 0) continue;
    if (!passesFilters(c.record, filters, slaOf)) continue;
    total += 1;
    if (keep === 0) continue;
    const item = { c, score };
    if (found.length === keep && !before(item, found[keep - 1]!)) continue;
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(found[mid]!, item)) lo = mid + 1;
      else hi = mid;
    }
    found.splice(lo, 0, item);
    if (found.length > keep) found.pop();
  }
  const hits = found.slice(offset, offset + limit).map(({ c, score }) => ({
    case: c.record,
    score,
    snippets: empty
      ? []
      : searchSnippets([...recordSearchTexts(c.record), ...(c.events ?? [])], q, { staff }),
  }));
  return { hits, total };
}
