import type { Priority, SupportLine } from '../case/case-vocabulary';
import type { CaseSla, SlaClockKind } from './case-sla-snapshot';
import { type PeriodStarts, periodsOf, type ReportPeriod, reportPeriods } from './report-periods';

/**
 * One finished-or-breached SLA clock: a clock counts in a period when it was met (on time or
 * late) in it, or when it ran out in it and is still not met. Clocks still running within
 * their target do not count yet: they are neither kept nor broken.
 */
export interface ComplianceRow {
  caseId: string;
  number: string | null;
  title: string;
  /** The case's line and priority at `now`. */
  line: SupportLine;
  priority: Priority;
  clock: SlaClockKind;
  outcome: 'met' | 'breached';
  /** When it was met, or (still unmet) when the target ran out; epoch ms. */
  at: number;
  /** Whether the clock is still unmet (breached and counting). */
  open: boolean;
  usedMinutes: number;
  targetMinutes: number;
  /** The periods `at` falls in. */
  periods: ReportPeriod[];
}

/** Met / counted, and the share (null when nothing counted: "no data", not 100 %). */
export interface ComplianceCell {
  met: number;
  total: number;
  ratio: number | null;
}

export interface ClockCompliance {
  all: ComplianceCell;
  byPriority: Record<Priority, ComplianceCell>;
  byLine: Record<SupportLine, ComplianceCell>;
}

/** Response and resolution compliance for today, 7 and 30 days, per priority and per line. */
export interface ComplianceFigure {
  periodStarts: PeriodStarts;
  byPeriod: Record<ReportPeriod, Record<SlaClockKind, ClockCompliance>>;
  /** Every counted clock of the last 30 days, newest first. */
  rows: ComplianceRow[];
}

const cell = (): ComplianceCell => ({ met: 0, total: 0, ratio: null });
const clockCompliance = (): ClockCompliance => ({
  all: cell(),
  byPriority: { critical: cell(), high: cell(), medium: cell(), low: cell() },
  byLine: { 1: cell(), 2: cell(), 3: cell() },
});

function add(c: ComplianceCell, met: boolean): void {
  c.total++;
  if (met) c.met++;
}

function finish(c: ComplianceCell): void {
  c.ratio = c.total === 0 ? null : c.met / c.total;
}

export function complianceFigure(
  cases: readonly CaseSla[],
  starts: PeriodStarts,
  now: number,
): ComplianceFigure {
  const byPeriod = Object.fromEntries(
    reportPeriods.map((p) => [p, { response: clockCompliance(), resolution: clockCompliance() }]),
  ) as ComplianceFigure['byPeriod'];
  const rows: ComplianceRow[] = [];
  for (const c of cases) {
    if (!c.sla) continue;
    for (const clock of ['response', 'resolution'] as const) {
      const s = c.sla[clock];
      let at: number;
      let outcome: ComplianceRow['outcome'];
      if (s.status === 'met' || s.status === 'breachedMet') {
        at = s.metAt!;
        outcome = s.status === 'met' ? 'met' : 'breached';
      } else if (s.status === 'breached' && s.dueAt !== null) {
        at = s.dueAt;
        outcome = 'breached';
      } else continue;
      const periods = periodsOf(at, starts, now);
      if (periods.length === 0) continue;
      const r = c.record;
      for (const p of periods) {
        const target = byPeriod[p][clock];
        const met = outcome === 'met';
        add(target.all, met);
        add(target.byPriority[r.priority], met);
        add(target.byLine[r.line], met);
      }
      rows.push({
        caseId: r.id,
        number: r.number,
        title: r.title,
        line: r.line,
        priority: r.priority,
        clock,
        outcome,
        at,
        open: s.status === 'breached',
        usedMinutes: s.usedMinutes,
        targetMinutes: s.targetMinutes,
        periods,
      });
    }
  }
  for (const p of reportPeriods) {
    for (const clock of ['response', 'resolution'] as const) {
      const cc = byPeriod[p][clock];
      finish(cc.all);
      for (const v of Object.values(cc.byPriority)) finish(v);
      for (const v of Object.values(cc.byLine)) finish(v);
    }
  }
  rows.sort((a, b) => b.at - a.at || a.caseId.localeCompare(b.caseId));
  return { periodStarts: starts, byPeriod, rows };
}

/** The rows behind one compliance figure (a period, a clock, optionally a priority or line). */
export function complianceRowsOf(
  figure: ComplianceFigure,
  period: ReportPeriod,
  clock?: SlaClockKind,
  filter: { priority?: Priority; line?: SupportLine } = {},
): ComplianceRow[] {
  return figure.rows.filter(
    (r) =>
      r.periods.includes(period) &&
      (clock === undefined || r.clock === clock) &&
      (filter.priority === undefined || r.priority === filter.priority) &&
      (filter.line === undefined || r.line === filter.line),
  );
}
