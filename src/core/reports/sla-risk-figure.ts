import type { CaseStatus, Priority, SupportLine } from '../case/case-vocabulary';
import type { CaseSla, SlaClockKind } from './case-sla-snapshot';

/** An open case whose most urgent clock is at risk or breached. */
export interface SlaRiskRow {
  caseId: string;
  number: string | null;
  title: string;
  line: SupportLine;
  priority: Priority;
  status: CaseStatus;
  assigneeId: string | null;
  /** The clock with the nearest deadline. */
  clock: SlaClockKind;
  slaStatus: 'atRisk' | 'breached';
  /**
   * When the target is (or was) used up, epoch ms. A view counts down `dueAt - now` every
   * second without recomputing anything; the countdown is wall-clock time to the deadline,
   * which on the support calendar includes closed hours.
   */
  dueAt: number;
  /** Open minutes left on the SLA calendar at the snapshot (negative once breached). */
  leftMinutes: number;
  targetMinutes: number;
}

/** Cases at risk (i faresona) and breached (brote), sorted by time left, least first. */
export interface SlaRiskFigure {
  atRisk: number;
  breached: number;
  rows: SlaRiskRow[];
}

export function slaRiskFigure(cases: readonly CaseSla[]): SlaRiskFigure {
  const rows: SlaRiskRow[] = [];
  let atRisk = 0;
  let breached = 0;
  for (const c of cases) {
    const u = c.urgent;
    if (!u || (u.state.status !== 'atRisk' && u.state.status !== 'breached')) continue;
    if (u.state.status === 'atRisk') atRisk++;
    else breached++;
    const r = c.record;
    rows.push({
      caseId: r.id,
      number: r.number,
      title: r.title,
      line: r.line,
      priority: r.priority,
      status: r.status,
      assigneeId: r.assigneeId,
      clock: u.clock,
      slaStatus: u.state.status,
      dueAt: u.dueAt,
      leftMinutes: u.state.leftMinutes,
      targetMinutes: u.state.targetMinutes,
    });
  }
  rows.sort((a, b) => a.dueAt - b.dueAt || a.caseId.localeCompare(b.caseId));
  return { atRisk, breached, rows };
}
