import type { CaseStatus, Priority, SupportLine } from '../../../../core/case/index';
import type { SlaState } from '../../../../core/sla/index';
import type { LocalCase } from '../../db/local-records';

/** The columns of the board, left to right. `closed` appears only when asked for. */
export const boardColumns = ['new', 'inProgress', 'waiting', 'resolved', 'closed'] as const;
export type BoardColumn = (typeof boardColumns)[number];

/** A reopened case needs picking up again, so it sits with the new ones (marked as reopened). */
export function columnOf(status: CaseStatus): BoardColumn {
  return status === 'reopened' ? 'new' : status;
}

export interface BoardFilter {
  mine: boolean;
  municipalityId: string | null;
  priority: Priority | null;
  text: string;
  sortBySla: boolean;
  showClosed: boolean;
}

export const emptyFilter: BoardFilter = {
  mine: false,
  municipalityId: null,
  priority: null,
  text: '',
  sortBySla: true,
  showClosed: false,
};

/** Lower-cased text a free-text filter searches: number, title, requester, unit. */
export function searchTextOf(c: LocalCase): string {
  return [c.number ?? c.provisionalNumber ?? '', c.title, c.requester.name, c.requester.unit]
    .join(' ')
    .toLowerCase();
}

export function matchesFilter(
  c: LocalCase,
  filter: BoardFilter,
  userId: string | null,
  searchText: (c: LocalCase) => string = searchTextOf,
): boolean {
  if (!filter.showClosed && c.status === 'closed') return false;
  if (filter.mine && c.assigneeId !== userId) return false;
  if (filter.municipalityId && c.requester.municipalityId !== filter.municipalityId) return false;
  if (filter.priority && c.priority !== filter.priority) return false;
  const text = filter.text.trim().toLowerCase();
  if (text && !searchText(c).includes(text)) return false;
  return true;
}

const priorityRank: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const slaRank = { breached: 0, atRisk: 1, running: 2, breachedMet: 3, paused: 4, met: 5 } as const;

/**
 * Most urgent first: breached, then at risk, then by the time left (earliest due), then
 * priority. Without SLA sorting: priority, then most recently changed.
 */
export function compareCases(
  a: LocalCase,
  b: LocalCase,
  sortBySla: boolean,
  slaOf: (c: LocalCase) => SlaState | null,
): number {
  if (sortBySla) {
    const sa = slaOf(a);
    const sb = slaOf(b);
    const ra = sa ? slaRank[sa.worst] : 9;
    const rb = sb ? slaRank[sb.worst] : 9;
    if (ra !== rb) return ra - rb;
    const da = sa ? nextDue(sa) : Infinity;
    const db = sb ? nextDue(sb) : Infinity;
    if (da !== db) return da - db;
  }
  const p = priorityRank[a.priority] - priorityRank[b.priority];
  if (p !== 0) return p;
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** The earliest deadline of the clocks still running. */
function nextDue(s: SlaState): number {
  const running = (c: SlaState['response']) =>
    c.status === 'running' || c.status === 'atRisk' || c.status === 'breached';
  const dues = [s.response, s.resolution].filter(running).map((c) => c.dueAt ?? Infinity);
  return dues.length ? Math.min(...dues) : Infinity;
}

/**
 * All cases in board order, sorted once (with each case's sort key computed once) so that a
 * filter keystroke only has to filter, not sort 10,000 cases again.
 */
export function sortCases(
  cases: readonly LocalCase[],
  sortBySla: boolean,
  slaOf: (c: LocalCase) => SlaState | null,
): LocalCase[] {
  const keyed = cases.map((c) => {
    const sla = sortBySla ? slaOf(c) : null;
    return {
      c,
      rank: sortBySla ? (sla ? slaRank[sla.worst] : 9) : 0,
      due: sla ? nextDue(sla) : Infinity,
      priority: priorityRank[c.priority],
    };
  });
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.due === b.due ? 0 : a.due < b.due ? -1 : 1) ||
      a.priority - b.priority ||
      b.c.updatedAt.localeCompare(a.c.updatedAt),
  );
  return keyed.map((k) => k.c);
}

/** Cases per line and column, filtered and sorted. */
export type BoardGroups = Record<SupportLine, Record<BoardColumn, LocalCase[]>>;

export function groupBoard(
  cases: readonly LocalCase[],
  filter: BoardFilter,
  userId: string | null,
  slaOf: (c: LocalCase) => SlaState | null,
  /** The cases are already in board order (see `sortCases`): only filter and group. */
  presorted = false,
  searchText: (c: LocalCase) => string = searchTextOf,
): { groups: BoardGroups; shown: number } {
  const empty = (): Record<BoardColumn, LocalCase[]> => ({
    new: [],
    inProgress: [],
    waiting: [],
    resolved: [],
    closed: [],
  });
  const groups: BoardGroups = { 1: empty(), 2: empty(), 3: empty() };
  let shown = 0;
  for (const c of cases) {
    if (!matchesFilter(c, filter, userId, searchText)) continue;
    groups[c.line][columnOf(c.status)].push(c);
    shown += 1;
  }
  if (presorted) return { groups, shown };
  for (const line of [1, 2, 3] as const) {
    for (const column of boardColumns) {
      groups[line][column].sort((a, b) => compareCases(a, b, filter.sortBySla, slaOf));
    }
  }
  return { groups, shown };
}
