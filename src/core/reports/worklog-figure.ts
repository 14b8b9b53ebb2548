import type { CaseEvent } from '../case/case-event';
import type { SupportLine } from '../case/case-vocabulary';
import { zeroByLine } from './open-cases-figure';
import { type PeriodStarts, periodsOf, type ReportPeriod } from './report-periods';

/** One worklog entry (tidsføring): minutes spent on a case, on a line. */
export interface WorklogEntry {
  entryId: string;
  caseId: string;
  /** When it was recorded (the server's event time), epoch ms. */
  at: number;
  line: SupportLine;
  minutes: number;
  actorId: string;
  note: string;
}

/** The worklog entries among case events (events of other kinds are skipped). */
export function worklogEntriesOf(events: Iterable<CaseEvent>): WorklogEntry[] {
  const entries: WorklogEntry[] = [];
  for (const e of events) {
    if (e.change.type !== 'worklogAdded') continue;
    entries.push({
      entryId: e.change.entryId,
      caseId: e.caseId,
      at: Date.parse(e.at),
      line: e.change.line,
      minutes: e.change.minutes,
      actorId: e.actorId,
      note: e.change.note,
    });
  }
  return entries;
}

/** A worklog entry behind the figure, with the periods it falls in. */
export interface WorklogRow extends WorklogEntry {
  periods: ReportPeriod[];
}

/** Minutes spent per line, today, 7 and 30 days. */
export interface WorklogFigure {
  byPeriod: Record<ReportPeriod, Record<SupportLine, number>>;
  /** Entries of the last 30 days, newest first. */
  rows: WorklogRow[];
}

export function worklogFigure(
  entries: readonly WorklogEntry[],
  starts: PeriodStarts,
  now: number,
): WorklogFigure {
  const byPeriod = {
    today: zeroByLine(),
    days7: zeroByLine(),
    days30: zeroByLine(),
  } as Record<ReportPeriod, Record<SupportLine, number>>;
  const rows: WorklogRow[] = [];
  // An entry synced twice (pull pages overlap) is counted once.
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.entryId)) continue;
    seen.add(entry.entryId);
    const periods = periodsOf(entry.at, starts, now);
    if (periods.length === 0) continue;
    for (const p of periods) byPeriod[p][entry.line] += entry.minutes;
    rows.push({ ...entry, periods });
  }
  rows.sort((a, b) => b.at - a.at || a.entryId.localeCompare(b.entryId));
  return { byPeriod, rows };
}

/** The entries behind one period (and optionally one line). */
export function worklogRowsOf(
  figure: WorklogFigure,
  period: ReportPeriod,
  line?: SupportLine,
): WorklogRow[] {
  return figure.rows.filter(
    (r) => r.periods.includes(period) && (line === undefined || r.line === line),
  );
}
