import type { CaseStatus, SupportLine } from '../case/case-vocabulary';
import { compareSlaOrderKeys, slaOrderKey } from '../sla/sla-urgency';
import type { CaseSla } from './case-sla-snapshot';

/** An open critical case nobody has answered yet (acknowledging it is the first response). */
export interface CriticalWaitingRow {
  caseId: string;
  number: string | null;
  title: string;
  line: SupportLine;
  status: CaseStatus;
  assigneeId: string | null;
  /** When the response target is (or was) used up, epoch ms. */
  dueAt: number;
  /** The response clock: still within target, at risk, or breached. */
  slaStatus: 'running' | 'atRisk' | 'breached';
}

/**
 * Critical cases waiting for their first response (the wall shows them as the workstation's
 * alert list does), in the SLA order: the ones that can still be answered in time first,
 * soonest deadline first, then those past their response target.
 */
export interface CriticalWaitingFigure {
  rows: CriticalWaitingRow[];
}

export function criticalWaitingFigure(cases: readonly CaseSla[]): CriticalWaitingFigure {
  const keyed: Array<{ row: CriticalWaitingRow; key: ReturnType<typeof slaOrderKey> }> = [];
  for (const c of cases) {
    const r = c.record;
    if (!c.open || r.priority !== 'critical' || !c.sla) continue;
    const response = c.sla.response;
    if (
      (response.status !== 'running' &&
        response.status !== 'atRisk' &&
        response.status !== 'breached') ||
      response.dueAt === null
    ) {
      continue;
    }
    keyed.push({
      row: {
        caseId: r.id,
        number: r.number,
        title: r.title,
        line: r.line,
        status: r.status,
        assigneeId: r.assigneeId,
        dueAt: response.dueAt,
        slaStatus: response.status,
      },
      key: slaOrderKey(
        {
          group: response.status === 'breached' ? 'breached' : 'savable',
          urgent: { clock: 'response', state: response, dueAt: response.dueAt },
        },
        'critical',
      ),
    });
  }
  keyed.sort(
    (a, b) => compareSlaOrderKeys(a.key, b.key) || a.row.caseId.localeCompare(b.row.caseId),
  );
  return { rows: keyed.map((k) => k.row) };
}
