import type { CaseStatus, Priority, SupportLine } from '../case/case-vocabulary';
import { priorities, supportLines } from '../case/case-vocabulary';
import type { SlaStatus } from '../sla/sla-state';
import type { CaseSla } from './case-sla-snapshot';

/** One open case behind the open-cases figure. */
export interface OpenCaseRow {
  caseId: string;
  number: string | null;
  title: string;
  line: SupportLine;
  priority: Priority;
  status: CaseStatus;
  assigneeId: string | null;
  /** The worse of the two clocks at `now` (null when it cannot be computed). */
  slaStatus: SlaStatus | null;
}

/** Open cases (new, in progress, waiting, reopened) per line × priority. */
export interface OpenCasesFigure {
  /** cells[line][priority] = number of open cases. */
  cells: Record<SupportLine, Record<Priority, number>>;
  byLine: Record<SupportLine, number>;
  byPriority: Record<Priority, number>;
  total: number;
  /** The cases counted, most urgent priority first, then line. */
  rows: OpenCaseRow[];
}

export const zeroByPriority = (): Record<Priority, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
});
export const zeroByLine = (): Record<SupportLine, number> => ({ 1: 0, 2: 0, 3: 0 });

export function openCasesFigure(cases: readonly CaseSla[]): OpenCasesFigure {
  const cells = {
    1: zeroByPriority(),
    2: zeroByPriority(),
    3: zeroByPriority(),
  } as Record<SupportLine, Record<Priority, number>>;
  const byLine = zeroByLine();
  const byPriority = zeroByPriority();
  const rows: OpenCaseRow[] = [];
  for (const c of cases) {
    if (!c.open) continue;
    const r = c.record;
    cells[r.line][r.priority]++;
    byLine[r.line]++;
    byPriority[r.priority]++;
    rows.push({
      caseId: r.id,
      number: r.number,
      title: r.title,
      line: r.line,
      priority: r.priority,
      status: r.status,
      assigneeId: r.assigneeId,
      slaStatus: c.sla?.worst ?? null,
    });
  }
  const rank = (p: Priority) => priorities.indexOf(p);
  rows.sort((a, b) => rank(a.priority) - rank(b.priority) || a.line - b.line);
  return { cells, byLine, byPriority, total: rows.length, rows };
}

/** The lines in display order (re-exported for views that draw one bar per line). */
export const reportLines: readonly SupportLine[] = supportLines;
