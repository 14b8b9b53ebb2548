import type { ServiceCalendar } from '../calendar/index';
import type { SlaConfig } from '../sla/sla-targets';
import { type AgentLoadFigure, agentLoadFigure } from './agent-load-figure';
import { type CaseSla, type ReportCase, snapshotCases } from './case-sla-snapshot';
import { type ComplianceFigure, complianceFigure } from './compliance-figure';
import { type CriticalWaitingFigure, criticalWaitingFigure } from './critical-waiting-figure';
import { type OnCallFigure, onCallFigure } from './on-call-figure';
import { type OpenCasesFigure, openCasesFigure } from './open-cases-figure';
import { periodStarts } from './report-periods';
import { type SlaRiskFigure, slaRiskFigure } from './sla-risk-figure';
import { type WaitingFigure, waitingFigure } from './waiting-figure';
import { type WorklogEntry, type WorklogFigure, worklogFigure } from './worklog-figure';

/** What the board is computed from. Time is a parameter: nothing here reads a clock. */
export interface SlaBoardInput<C extends ReportCase = ReportCase> {
  cases: readonly C[];
  /** Worklog entries of (at least) the last 30 days. */
  worklogs: readonly WorklogEntry[];
  calendar: ServiceCalendar;
  slaConfig: SlaConfig;
  now: number;
}

/** Every figure of the team leader's SLA board at one instant, each with its rows. */
export interface SlaBoardReport {
  now: number;
  openCases: OpenCasesFigure;
  slaRisk: SlaRiskFigure;
  /** Critical cases nobody has answered yet (the wall's alert list). */
  criticalWaiting: CriticalWaitingFigure;
  compliance: ComplianceFigure;
  worklog: WorklogFigure;
  agentLoad: AgentLoadFigure;
  waiting: WaitingFigure;
  onCall: OnCallFigure;
}

/** The whole board: one SLA snapshot of every case, then each figure over it. */
export function slaBoardReport<C extends ReportCase>(input: SlaBoardInput<C>): SlaBoardReport {
  const { calendar, slaConfig, now } = input;
  const snapshot: CaseSla[] = snapshotCases(input.cases, calendar, slaConfig, now);
  const starts = periodStarts(calendar, now);
  return {
    now,
    openCases: openCasesFigure(snapshot),
    slaRisk: slaRiskFigure(snapshot),
    criticalWaiting: criticalWaitingFigure(snapshot),
    compliance: complianceFigure(snapshot, starts, now),
    worklog: worklogFigure(input.worklogs, starts, now),
    agentLoad: agentLoadFigure(snapshot),
    waiting: waitingFigure(snapshot),
    onCall: onCallFigure(snapshot, calendar, now),
  };
}
