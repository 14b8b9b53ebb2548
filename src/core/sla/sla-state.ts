/**
 * The shapes the SLA clock reads and returns: a case's history reduced to SLA facts, and
 * the state of the response and resolution clocks. Kept apart from the computation so
 * that adapters (case events → timeline) and UIs can depend on the types alone.
 */
import type { SlaPriority } from './sla-targets';

/** One fact from a case's history, reduced to what the SLA clock needs. `at` is epoch ms. */
export type SlaTimelineEntry =
  /** The case was registered; both clocks start. */
  | { at: number; kind: 'created'; priority: SlaPriority }
  /** The priority was changed; targets and calendar follow the new one from here. */
  | { at: number; kind: 'priorityChanged'; priority: SlaPriority }
  /** Waiting for the requester or a third party: both clocks stop. */
  | { at: number; kind: 'paused' }
  /** Waiting is over: running clocks continue. */
  | { at: number; kind: 'resumed' }
  /** First response to the requester: the response clock stops (met). */
  | { at: number; kind: 'responded' }
  /** The case was resolved: the resolution clock stops (met). */
  | { at: number; kind: 'resolved' }
  /** A resolved case was reopened: the resolution clock runs again. */
  | { at: number; kind: 'reopened' };

/**
 * State of one clock.
 * - `running`: counting, below the at-risk threshold.
 * - `atRisk`: counting, at or above the threshold share of the target (default 75 %).
 * - `paused`: stopped by waiting, not breached.
 * - `breached`: the target is used up and the clock has not been met.
 * - `met`: met within the target.
 * - `breachedMet`: met, but after the target was used up.
 */
export type SlaStatus = 'running' | 'paused' | 'met' | 'atRisk' | 'breached' | 'breachedMet';

/** One clock (response or resolution) at `now`. */
export interface SlaClockState {
  /** When the target is (or was) used up: for running clocks `now` + minutes left on the
   *  calendar; for breached ones the breach instant; null while paused and not breached. */
  dueAt: number | null;
  usedMinutes: number;
  /** targetMinutes − usedMinutes; negative once breached. */
  leftMinutes: number;
  targetMinutes: number;
  /** usedMinutes / targetMinutes (1 = used up). */
  fraction: number;
  status: SlaStatus;
  /** When the clock was met (epoch ms), if it was. */
  metAt?: number;
}

/** Both clocks of a case at `now`, plus the worse of the two for sorting and colouring. */
export interface SlaState {
  priority: SlaPriority;
  response: SlaClockState;
  resolution: SlaClockState;
  worst: SlaStatus;
}

/** Severity order used for `worst`: a live breach outranks a historical one. */
export const slaStatusSeverity: Record<SlaStatus, number> = {
  met: 0,
  paused: 1,
  running: 2,
  breachedMet: 3,
  atRisk: 4,
  breached: 5,
};
