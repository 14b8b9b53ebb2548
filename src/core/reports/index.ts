/** The team leader's SLA board as pure figures, each with the rows behind it, and CSV. */
export * from './agent-load-figure';
export * from './case-sla-snapshot';
export * from './compliance-figure';
export * from './countdown';
export * from './critical-waiting-figure';
export * from './csv';
export * from './figure-csv-columns';
export * from './on-call-figure';
export * from './open-cases-figure';
export * from './report-periods';
export * from './sla-board-report';
export * from './sla-risk-figure';
export * from './sla-settings';
export * from './waiting-figure';
export {
  type WorklogEntry,
  type WorklogFigure,
  type WorklogRow,
  worklogEntriesOf,
  worklogFigure,
  worklogRowsOf,
} from './worklog-figure';
