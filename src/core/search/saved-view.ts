/**
 * Saved views: a named combination of filters, personal or shared with the team, shown as a
 * tab on the board. The filters are those of search (line, status, priority, municipality,
 * category, assignee — also "mine" and "unassigned" —, SLA state, words); one pure test of a
 * case, so the board and any other list agree.
 */
import { z } from 'zod';
import type { CaseRecord } from '../case/case-record';
import { caseStatusSchema, prioritySchema, supportLineSchema } from '../case/case-vocabulary';
import type { SlaState } from '../sla/sla-state';
import { slaFilterStateOf, slaFilterStates } from './search-filters';

export const viewFiltersSchema = z.object({
  lines: z.array(supportLineSchema).optional(),
  statuses: z.array(caseStatusSchema).optional(),
  priorities: z.array(prioritySchema).optional(),
  municipalities: z.array(z.string().min(1)).optional(),
  categories: z.array(z.string().min(1)).optional(),
  /** `mine` (whoever looks at the view), `none` (unassigned), or user ids. */
  assignees: z.array(z.string().min(1)).optional(),
  sla: z.array(z.enum(slaFilterStates)).optional(),
  /** Words, matched as the board's free text. */
  text: z.string().max(200).optional(),
  showClosed: z.boolean().optional(),
  sortBySla: z.boolean().optional(),
});
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const viewScopeSchema = z.enum(['personal', 'shared']);
export type ViewScope = z.infer<typeof viewScopeSchema>;

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, 'name is required').max(60),
  scope: viewScopeSchema,
  ownerId: z.string(),
  filters: viewFiltersSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SavedView = z.infer<typeof savedViewSchema>;

/**
 * Does the case pass the view's filters for `userId`? `slaOf` is asked only when the view
 * filters on SLA state. Words are left to the caller (the board's free-text match).
 */
export function viewAllows(
  record: CaseRecord,
  filters: ViewFilters,
  userId: string,
  slaOf: (record: CaseRecord) => SlaState | null,
): boolean {
  if (filters.lines?.length && !filters.lines.includes(record.line)) return false;
  if (filters.statuses?.length && !filters.statuses.includes(record.status)) return false;
  if (filters.priorities?.length && !filters.priorities.includes(record.priority)) return false;
  if (
    filters.municipalities?.length &&
    !filters.municipalities.includes(record.requester.municipalityId)
  ) {
    return false;
  }
  if (filters.categories?.length && !filters.categories.includes(record.categoryId ?? '')) {
    return false;
  }
  if (filters.assignees?.length) {
    const wanted = filters.assignees.map((a) => (a === 'mine' ? userId : a));
    if (!wanted.includes(record.assigneeId ?? 'none')) return false;
  }
  if (filters.sla?.length && !filters.sla.includes(slaFilterStateOf(slaOf(record)))) return false;
  return true;
}

/** Who may change or delete a view: its owner; a shared one also team leaders and admins. */
export function mayEditView(
  view: Pick<SavedView, 'ownerId' | 'scope'>,
  actor: { id: string; role: string },
): boolean {
  if (view.ownerId === actor.id) return true;
  return view.scope === 'shared' && (actor.role === 'teamLeader' || actor.role === 'admin');
}

/** The views a user sees: their own personal ones and every shared one, shared first, by name. */
export function viewsFor<V extends Pick<SavedView, 'ownerId' | 'scope' | 'name'>>(
  views: readonly V[],
  userId: string,
): V[] {
  return views
    .filter((v) => v.scope === 'shared' || v.ownerId === userId)
    .sort(
      (a, b) =>
        (a.scope === b.scope ? 0 : a.scope === 'shared' ? -1 : 1) ||
        a.name.localeCompare(b.name, 'nb'),
    );
}
