/**
 * The filters of a search (line, status, priority, municipality, category, assignee, created
 * and changed between, SLA state), as one pure test of a case. The server turns the same
 * filters into SQL (all but SLA state, which is computed from the case's SLA facts at `now`);
 * the offline search uses this test directly.
 */
import type { CaseRecord } from '../case/case-record';
import type { CaseStatus, Priority, SupportLine } from '../case/case-vocabulary';
import type { SlaState } from '../sla/sla-state';
import { mayReadSearchField, type SearchSnippet, type SearchText } from './case-search-texts';
import { highlightSnippet } from './search-highlight';
import type { SearchQueryTerms } from './search-terms';

/**
 * A case's SLA state for filtering: `breached` when a clock is past its target and not met,
 * `atRisk` when a counting clock is in its at-risk share, `onTime` when a clock counts
 * otherwise, `stopped` when none counts (waiting, met, resolved, or no SLA).
 */
export const slaFilterStates = ['onTime', 'atRisk', 'breached', 'stopped'] as const;
export type SlaFilterState = (typeof slaFilterStates)[number];

export function slaFilterStateOf(sla: SlaState | null): SlaFilterState {
  if (!sla) return 'stopped';
  const statuses = [sla.response.status, sla.resolution.status];
  if (statuses.includes('breached')) return 'breached';
  if (statuses.includes('atRisk')) return 'atRisk';
  if (statuses.includes('running')) return 'onTime';
  return 'stopped';
}

/** Filters; absent means any. Times are ISO instants, `to` exclusive. */
export interface SearchFilters {
  line?: readonly SupportLine[];
  status?: readonly CaseStatus[];
  priority?: readonly Priority[];
  municipality?: readonly string[];
  category?: readonly string[];
  /** User ids; `none` for unassigned cases. */
  assignee?: readonly string[];
  createdFrom?: string;
  createdTo?: string;
  changedFrom?: string;
  changedTo?: string;
  sla?: readonly SlaFilterState[];
}

const within = (at: string, from?: string, to?: string) =>
  (from === undefined || Date.parse(at) >= Date.parse(from)) &&
  (to === undefined || Date.parse(at) < Date.parse(to));

/**
 * Does the case pass the filters? `slaOf` is asked only when an SLA filter is set (it costs
 * a computation of the SLA clock).
 */
export function passesFilters(
  record: CaseRecord,
  filters: SearchFilters,
  slaOf: (record: CaseRecord) => SlaState | null,
): boolean {
  if (filters.line && !filters.line.includes(record.line)) return false;
  if (filters.status && !filters.status.includes(record.status)) return false;
  if (filters.priority && !filters.priority.includes(record.priority)) return false;
  if (filters.municipality && !filters.municipality.includes(record.requester.municipalityId)) {
    return false;
  }
  if (filters.category && !filters.category.includes(record.categoryId ?? '')) return false;
  if (filters.assignee && !filters.assignee.includes(record.assigneeId ?? 'none')) return false;
  if (!within(record.createdAt, filters.createdFrom, filters.createdTo)) return false;
  if (!within(record.updatedAt, filters.changedFrom, filters.changedTo)) return false;
  if (filters.sla && !filters.sla.includes(slaFilterStateOf(slaOf(record)))) return false;
  return true;
}

/** Fields shown first when several match: what the case is about before who reported it. */
const fieldOrder: Record<SearchText['field'], number> = {
  title: 0,
  number: 1,
  description: 2,
  comment: 3,
  internalComment: 4,
  form: 5,
  attachment: 6,
  requester: 7,
  unit: 8,
};

/**
 * Highlighted snippets of the texts that match, the most telling field first, at most
 * `max`. Internal comments are left out unless `staff`.
 */
export function searchSnippets(
  texts: readonly SearchText[],
  q: SearchQueryTerms,
  { staff, max = 3, maxLength = 160 }: { staff: boolean; max?: number; maxLength?: number },
): SearchSnippet[] {
  const found: SearchSnippet[] = [];
  const ordered = [...texts].sort((a, b) => fieldOrder[a.field] - fieldOrder[b.field]);
  for (const { field, text } of ordered) {
    if (!mayReadSearchField(field, staff)) continue;
    const pieces = highlightSnippet(text, q, maxLength);
    if (pieces) found.push({ field, pieces });
    if (found.length >= max) break;
  }
  return found;
}
