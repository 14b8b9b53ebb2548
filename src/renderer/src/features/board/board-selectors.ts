import type { CaseStatus, Priority, SupportLine } from '@core/case/index';
import { type ViewFilters, viewAllows } from '@core/search/index';
import {
  compareSlaOrderKeys,
  type SlaOrderKey,
  type SlaState,
  slaOrderKey,
  slaUrgency,
} from '@core/sla/index';
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
  /** The filters of the saved view shown as a tab (null: none, the plain board). */
  view?: ViewFilters | null;
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

/** A case's place in the SLA order (core/sla/sla-urgency.ts). */
function slaKeyOf(c: LocalCase, slaOf: (c: LocalCase) => SlaState | null): SlaOrderKey {
  return slaOrderKey(slaUrgency(slaOf(c)), c.priority);
}

/**
 * With SLA sorting, the core SLA order: what can still be saved first (running or at risk,
 * soonest deadline first), then the breached ones (priority, most recent breach first), then
 * those with no clock counting; ties by most recently changed. Without: priority, then most
 * recently changed.
 */
export function compareCases(
  a: LocalCase,
  b: LocalCase,
  sortBySla: boolean,
  slaOf: (c: LocalCase) => SlaState | null,
): number {
  if (sortBySla) {
    const bySla = compareSlaOrderKeys(slaKeyOf(a, slaOf), slaKeyOf(b, slaOf));
    if (bySla !== 0) return bySla;
  }
  const p = priorityRank[a.priority] - priorityRank[b.priority];
  if (p !== 0) return p;
  return b.updatedAt.localeCompare(a.updatedAt);
}

const noSlaKey: SlaOrderKey = [0, 0, 0];

/**
 * All cases in board order, sorted once (with each case's sort key computed once) so that a
 * filter keystroke only has to filter, not sort 10,000 cases again.
 */
export function sortCases(
  cases: readonly LocalCase[],
  sortBySla: boolean,
  slaOf: (c: LocalCase) => SlaState | null,
): LocalCase[] {
  const keyed = cases.map((c) => ({
    c,
    sla: sortBySla ? slaKeyOf(c, slaOf) : noSlaKey,
    priority: priorityRank[c.priority],
  }));
  keyed.sort(
    (a, b) =>
      compareSlaOrderKeys(a.sla, b.sla) ||
      a.priority - b.priority ||
      b.c.updatedAt.localeCompare(a.c.updatedAt),
  );
  return keyed.map((k) => k.c);
}

/** How many of the shown cases are at risk and breached (said beside the SLA order). */
export interface BoardSlaCounts {
  atRisk: number;
  breached: number;
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
): { groups: BoardGroups; shown: number; slaCounts: BoardSlaCounts | null } {
  const empty = (): Record<BoardColumn, LocalCase[]> => ({
    new: [],
    inProgress: [],
    waiting: [],
    resolved: [],
    closed: [],
  });
  const groups: BoardGroups = { 1: empty(), 2: empty(), 3: empty() };
  let shown = 0;
  // Counted only with SLA sorting on: the board's cold start shows cards before every
  // case's SLA state is known.
  const slaCounts: BoardSlaCounts | null = filter.sortBySla ? { atRisk: 0, breached: 0 } : null;
  const view = filter.view ?? null;
  for (const c of cases) {
    if (!matchesFilter(c, filter, userId, searchText)) continue;
    if (view && !viewAllows(c, view, userId ?? '', slaOf as (r: unknown) => SlaState | null)) {
      continue;
    }
    groups[c.line][columnOf(c.status)].push(c);
    shown += 1;
    if (slaCounts) {
      const u = slaUrgency(slaOf(c));
      if (u.group === 'breached') slaCounts.breached += 1;
      else if (u.urgent?.state.status === 'atRisk') slaCounts.atRisk += 1;
    }
  }
  if (presorted) return { groups, shown, slaCounts };
  for (const line of [1, 2, 3] as const) {
    for (const column of boardColumns) {
      groups[line][column].sort((a, b) => compareCases(a, b, filter.sortBySla, slaOf));
    }
  }
  return { groups, shown, slaCounts };
}
