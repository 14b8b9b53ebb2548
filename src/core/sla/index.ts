/** The SLA clock: targets per priority and response/resolution state computed from history. */

export * from './case-sla';
export { slaState, slaStates } from './sla-clock';
export {
  type SlaClockState,
  type SlaState,
  type SlaStatus,
  type SlaTimelineEntry,
  slaStatusSeverity,
} from './sla-state';
export * from './sla-target-draft';
export {
  defaultSlaConfig,
  type PriorityTarget,
  priorityTargetSchema,
  type SlaConfig,
  type SlaConfigInput,
  type SlaPriority,
  slaConfigSchema,
  slaPriorities,
  WORKING_DAY_MINUTES,
} from './sla-targets';
export * from './sla-urgency';
