import type { CaseStatus, Priority, SupportLine } from '../case/case-vocabulary';
import { compareSlaOrderKeys, type SlaOrderKey, slaOrderKey } from '../sla/sla-urgency';
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

/**
 * Cases at risk (i faresona) and breached (brote), in the SLA order (core/sla/sla-urgency.ts):
 * the at-risk ones first, soonest deadline first, as they can still be saved; then the
 * breached ones, highest priority and most recent breach first. Views show the two groups
 * apart, each with its count, so the few savable cases are never below a long list of old
 * breaches.
 */
export interface SlaRiskFigure {
  atRisk: number;
  breached: number;
  /** All rows: every at-risk row, then every breached row. */
  rows: SlaRiskRow[];
}

/** The at-risk rows and the breached rows of the figure, each in the figure's order. */
export function slaRiskGroups(figure: SlaRiskFigure): {
  atRisk: SlaRiskRow[];
  breached: SlaRiskRow[];
} {
  return {
    atRisk: figure.rows.filter((r) => r.slaStatus === 'atRisk'),
    breached: figure.rows.filter((r) => r.slaStatus === 'breached'),
  };
}

export function slaRiskFigure(cases: readonly CaseSla[]): SlaRiskFigure {
  const keyed: Array<{ row: SlaRiskRow; key: SlaOrderKey }> = [];
  let atRisk = 0;
  let breached = 0;
  for (const c of cases) {
    const u = c.urgent;
    if (!u || (u.state.status !== 'atRisk' && u.state.status !== 'breached')) continue;
    if (u.state.status === 'atRisk') atRisk++;
    else breached++;
    const r = c.record;
    const row: SlaRiskRow = {
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
    };
    keyed.push({ row, key: slaOrderKey(c.urgency, r.priority) });
  }
  keyed.sort(
    (a, b) => compareSlaOrderKeys(a.key, b.key) || a.row.caseId.localeCompare(b.row.caseId),
  );
  return { atRisk, breached, rows: keyed.map((k) => k.row) };
}
