import type { Priority, SupportLine, WaitingReason } from '../case/case-vocabulary';
import type { CaseSla } from './case-sla-snapshot';

/** A case waiting (SLA paused), and why. */
export interface WaitingRow {
  caseId: string;
  number: string | null;
  title: string;
  line: SupportLine;
  priority: Priority;
  assigneeId: string | null;
  /** Requester or third party; null only for records from before reasons were required. */
  reason: WaitingReason | null;
  /** When the current wait began (the last `paused` fact), epoch ms; null if unknown. */
  since: number | null;
  /** A clock ran out before the wait began (pausing does not undo a breach). */
  breached: boolean;
}

/** Waiting cases by reason, longest waiting first. */
export interface WaitingFigure {
  requester: number;
  thirdParty: number;
  unknown: number;
  rows: WaitingRow[];
}

export function waitingFigure(cases: readonly CaseSla[]): WaitingFigure {
  const figure: WaitingFigure = { requester: 0, thirdParty: 0, unknown: 0, rows: [] };
  for (const c of cases) {
    const r = c.record;
    if (r.status !== 'waiting') continue;
    if (r.waitingReason === 'requester') figure.requester++;
    else if (r.waitingReason === 'thirdParty') figure.thirdParty++;
    else figure.unknown++;
    let since: number | null = null;
    for (const fact of r.slaTimeline) {
      if (fact.kind === 'paused' && (since === null || fact.at > since)) since = fact.at;
    }
    figure.rows.push({
      caseId: r.id,
      number: r.number,
      title: r.title,
      line: r.line,
      priority: r.priority,
      assigneeId: r.assigneeId,
      reason: r.waitingReason,
      since,
      breached: c.sla?.response.status === 'breached' || c.sla?.resolution.status === 'breached',
    });
  }
  figure.rows.sort((a, b) => (a.since ?? 0) - (b.since ?? 0) || a.caseId.localeCompare(b.caseId));
  return figure;
}
