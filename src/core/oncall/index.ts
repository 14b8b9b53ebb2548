/** On-call: periods from the calendar, the rota, who is paged, SLA warnings, the on-call log. */
export * from './on-call-log';
export * from './on-call-periods';
export * from './on-call-rota';
export * from './paging-config';
export * from './paging-plan';
export * from './sla-warnings';
