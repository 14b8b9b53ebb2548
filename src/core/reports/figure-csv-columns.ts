import { DateTime } from 'luxon';
import type { AgentLoad } from './agent-load-figure';
import type { ComplianceRow } from './compliance-figure';
import type { CsvColumn } from './csv';
import type { OnCallCaseRow } from './on-call-figure';
import type { OpenCaseRow } from './open-cases-figure';
import type { SlaRiskRow } from './sla-risk-figure';
import type { WaitingRow } from './waiting-figure';
import type { WorklogRow } from './worklog-figure';

/** The figures whose rows can be exported, one CSV layout each. */
export type FigureId =
  | 'openCases'
  | 'slaRisk'
  | 'compliance'
  | 'worklog'
  | 'agentLoad'
  | 'waiting'
  | 'onCall';

/** Row type of each figure's export. */
export interface FigureRows {
  openCases: OpenCaseRow;
  slaRisk: SlaRiskRow;
  compliance: ComplianceRow;
  worklog: WorklogRow;
  agentLoad: AgentLoad;
  waiting: WaitingRow;
  onCall: OnCallCaseRow;
}

/**
 * The CSV columns of every figure. Instants are ISO-8601 with the zone's offset
 * (2026-03-10T09:15:00+01:00): unambiguous and sortable, and Excel shows them as text.
 */
export function figureCsvColumns(zone: string): {
  [F in FigureId]: CsvColumn<FigureRows[F]>[];
} {
  const iso = (ms: number | null) =>
    ms === null
      ? null
      : DateTime.fromMillis(ms, { zone }).toISO({
          suppressMilliseconds: true,
          includeOffset: true,
        });
  const caseColumns = <R extends { number: string | null; caseId: string; title: string }>() =>
    [
      { key: 'number', value: (r: R) => r.number ?? '' },
      { key: 'caseId', value: (r: R) => r.caseId },
      { key: 'title', value: (r: R) => r.title },
    ] satisfies CsvColumn<R>[];
  return {
    openCases: [
      ...caseColumns<OpenCaseRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => r.priority },
      { key: 'status', value: (r) => r.status },
      { key: 'assignee', value: (r) => r.assigneeId },
      { key: 'slaStatus', value: (r) => r.slaStatus },
    ],
    slaRisk: [
      ...caseColumns<SlaRiskRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => r.priority },
      { key: 'assignee', value: (r) => r.assigneeId },
      { key: 'clock', value: (r) => r.clock },
      { key: 'slaStatus', value: (r) => r.slaStatus },
      { key: 'dueAt', value: (r) => iso(r.dueAt) },
      { key: 'leftMinutes', value: (r) => r.leftMinutes },
      { key: 'targetMinutes', value: (r) => r.targetMinutes },
    ],
    compliance: [
      ...caseColumns<ComplianceRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => r.priority },
      { key: 'clock', value: (r) => r.clock },
      { key: 'outcome', value: (r) => r.outcome },
      { key: 'at', value: (r) => iso(r.at) },
      { key: 'stillOpen', value: (r) => r.open },
      { key: 'usedMinutes', value: (r) => r.usedMinutes },
      { key: 'targetMinutes', value: (r) => r.targetMinutes },
    ],
    worklog: [
      { key: 'entryId', value: (r) => r.entryId },
      { key: 'caseId', value: (r) => r.caseId },
      { key: 'at', value: (r) => iso(r.at) },
      { key: 'line', value: (r) => r.line },
      { key: 'minutes', value: (r) => r.minutes },
      { key: 'actor', value: (r) => r.actorId },
      { key: 'note', value: (r) => r.note },
    ],
    agentLoad: [
      { key: 'assignee', value: (r) => r.assigneeId },
      { key: 'open', value: (r) => r.open },
      { key: 'critical', value: (r) => r.byPriority.critical },
      { key: 'high', value: (r) => r.byPriority.high },
      { key: 'medium', value: (r) => r.byPriority.medium },
      { key: 'low', value: (r) => r.byPriority.low },
      { key: 'waiting', value: (r) => r.waiting },
      { key: 'atRisk', value: (r) => r.atRisk },
      { key: 'breached', value: (r) => r.breached },
    ],
    waiting: [
      ...caseColumns<WaitingRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => r.priority },
      { key: 'assignee', value: (r) => r.assigneeId },
      { key: 'reason', value: (r) => r.reason },
      { key: 'since', value: (r) => iso(r.since) },
      { key: 'breached', value: (r) => r.breached },
    ],
    onCall: [
      ...caseColumns<OnCallCaseRow>(),
      { key: 'priority', value: (r) => r.priority },
      { key: 'assignee', value: (r) => r.assigneeId },
      { key: 'criticalAt', value: (r) => iso(r.criticalAt) },
      { key: 'answeredAt', value: (r) => iso(r.answeredAt) },
      { key: 'answerMinutes', value: (r) => r.answerMinutes },
      { key: 'responseStatus', value: (r) => r.responseStatus },
    ],
  };
}
