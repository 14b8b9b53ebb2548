import { DateTime } from 'luxon';
import type { CaseStatus, Priority, WaitingReason } from '../case/case-vocabulary';
import type { SlaStatus } from '../sla/sla-state';
import type { AgentLoad } from './agent-load-figure';
import type { SlaClockKind } from './case-sla-snapshot';
import type { ComplianceRow } from './compliance-figure';
import { type CsvColumn, toCsv } from './csv';
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

/** Every column of every export; a view gives each its header in the user's language. */
export const csvHeaderKeys = [
  'case',
  'title',
  'line',
  'priority',
  'status',
  'assignee',
  'slaStatus',
  'clock',
  'dueAt',
  'leftMinutes',
  'targetMinutes',
  'outcome',
  'at',
  'stillOpen',
  'usedMinutes',
  'loggedAt',
  'minutes',
  'loggedBy',
  'note',
  'open',
  'critical',
  'high',
  'medium',
  'low',
  'waiting',
  'atRisk',
  'breached',
  'reason',
  'since',
  'criticalAt',
  'answeredAt',
  'answerMinutes',
  'responseStatus',
] as const;
export type CsvHeaderKey = (typeof csvHeaderKeys)[number];

/**
 * The words an export is written in: headers and coded values (priority, status, clock …) in
 * the user's language, and people and cases by name and number, never by internal id.
 */
export interface CsvWords {
  header: (key: CsvHeaderKey) => string;
  priority: (priority: Priority) => string;
  caseStatus: (status: CaseStatus) => string;
  slaStatus: (status: SlaStatus) => string;
  clock: (clock: SlaClockKind) => string;
  waitingReason: (reason: WaitingReason | null) => string;
  yesNo: (value: boolean) => string;
  /** A staff member's name; null is "not assigned". */
  person: (id: string | null) => string;
  /** The case number of a case id (the worklog rows know only the id). */
  caseNumber: (caseId: string) => string;
}

/**
 * The CSV columns of every figure, in `words`. Instants are the wall-clock time in `zone`
 * (Europe/Oslo) as 'yyyy-MM-dd HH:mm', which Excel reads as a date and time in any locale,
 * and which is what the team leader's clock showed.
 */
export function figureCsvColumns(
  zone: string,
  words: CsvWords,
): {
  [F in FigureId]: CsvColumn<FigureRows[F]>[];
} {
  const local = (ms: number | null) =>
    ms === null ? null : DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const caseColumns = <R extends { number: string | null; caseId: string; title: string }>() =>
    [
      { key: 'case', value: (r: R) => r.number ?? words.caseNumber(r.caseId) },
      { key: 'title', value: (r: R) => r.title },
    ] satisfies CsvColumn<R>[];
  const slaStatus = (s: SlaStatus | null) => (s === null ? null : words.slaStatus(s));
  return {
    openCases: [
      ...caseColumns<OpenCaseRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => words.priority(r.priority) },
      { key: 'status', value: (r) => words.caseStatus(r.status) },
      { key: 'assignee', value: (r) => words.person(r.assigneeId) },
      { key: 'slaStatus', value: (r) => slaStatus(r.slaStatus) },
    ],
    slaRisk: [
      ...caseColumns<SlaRiskRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => words.priority(r.priority) },
      { key: 'assignee', value: (r) => words.person(r.assigneeId) },
      { key: 'clock', value: (r) => words.clock(r.clock) },
      { key: 'slaStatus', value: (r) => words.slaStatus(r.slaStatus) },
      { key: 'dueAt', value: (r) => local(r.dueAt) },
      { key: 'leftMinutes', value: (r) => r.leftMinutes },
      { key: 'targetMinutes', value: (r) => r.targetMinutes },
    ],
    compliance: [
      ...caseColumns<ComplianceRow>(),
      { key: 'line', value: (r) => r.line },
      { key: 'priority', value: (r) => words.priority(r.priority) },
      { key: 'clock', value: (r) => words.clock(r.clock) },
      { key: 'outcome', value: (r) => words.slaStatus(r.outcome) },
      { key: 'at', value: (r) => local(r.at) },
      { key: 'stillOpen', value: (r) => words.yesNo(r.open) },
      { key: 'usedMinutes', value: (r) => r.usedMinutes },
      { key: 'targetMinutes', value: (r) => r.targetMinutes },
    ],
    worklog: [
      { key: 'case', value: (r) => words.caseNumber(r.caseId) },
      { key: 'loggedAt', value: (r) => local(r.at) },
      { key: 'line', value: (r) => r.line },
      { key: 'minutes', value: (r) => r.minutes },
      { key: 'loggedBy', value: (r) => words.person(r.actorId) },
      { key: 'note', value: (r) => r.note },
    ],
    agentLoad: [
      { key: 'assignee', value: (r) => words.person(r.assigneeId) },
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
      { key: 'priority', value: (r) => words.priority(r.priority) },
      { key: 'assignee', value: (r) => words.person(r.assigneeId) },
      { key: 'reason', value: (r) => words.waitingReason(r.reason) },
      { key: 'since', value: (r) => local(r.since) },
      { key: 'breached', value: (r) => words.yesNo(r.breached) },
    ],
    onCall: [
      ...caseColumns<OnCallCaseRow>(),
      { key: 'priority', value: (r) => words.priority(r.priority) },
      { key: 'assignee', value: (r) => words.person(r.assigneeId) },
      { key: 'criticalAt', value: (r) => local(r.criticalAt) },
      { key: 'answeredAt', value: (r) => local(r.answeredAt) },
      { key: 'answerMinutes', value: (r) => r.answerMinutes },
      { key: 'responseStatus', value: (r) => slaStatus(r.responseStatus) },
    ],
  };
}

/**
 * The CSV of the rows behind a figure, in `words`, as Norwegian Excel opens it by
 * double-click: `;` between fields, decimal comma, UTF-8 with a byte-order mark (see csv.ts).
 */
export function figureCsv<F extends FigureId>(
  figure: F,
  rows: readonly FigureRows[F][],
  zone: string,
  words: CsvWords,
): string {
  const columns = figureCsvColumns(zone, words)[figure];
  return toCsv(columns, rows, { header: (key) => words.header(key as CsvHeaderKey) });
}

/**
 * A file name from words in the user's language and the wall-clock time in `zone`:
 * ['SLA-tavle', 'I faresona'] at 10:20 Oslo on 30 November 2026 gives
 * 'sla-tavle-i-faresona-2026-11-30-1020.csv'. Letters (æ, ø, å too) and digits are kept,
 * anything else becomes one hyphen.
 */
export function csvFileName(parts: readonly string[], now: number, zone: string): string {
  const stamp = DateTime.fromMillis(now, { zone }).toFormat('yyyy-MM-dd-HHmm');
  const words = parts
    .map((p) =>
      p
        .toLocaleLowerCase('nb')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p.length > 0);
  return `${[...words, stamp].join('-')}.csv`;
}
