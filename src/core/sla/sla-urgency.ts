/**
 * The SLA order: which cases come first when a list is "sorted by SLA" (the board's columns,
 * the SLA board's and the wall's risk lists). One rule, so the board and the SLA board agree.
 *
 * What can still be saved comes first. A breached clock cannot be un-breached, while a clock
 * that is still counting can be met if someone acts in time; sorting breached cases first
 * (as by severity) buried the savable ones under old breaches — with 138 breached cases, the
 * 4 at-risk ones were rows 139–142 and never rendered. So:
 *
 * 1. `savable`: a clock still counting and not breached (running or at risk), soonest
 *    deadline first. The deadline, not the at-risk flag, decides: a critical case due in 10
 *    minutes (below its at-risk share) comes before a low one at risk due in 2 hours.
 *    Equal deadlines: higher priority first.
 * 2. `breached`: a clock past its target and not met, in their own group after the savable
 *    ones. Higher priority first, then the most recent breach first (it is freshest, and
 *    months-old breaches would otherwise fill every short list).
 * 3. `stopped`: nothing counting (waiting, met, resolved, or no SLA state): priority only.
 *
 * Callers break remaining ties themselves (e.g. most recently changed, or the case id).
 */
import type { SlaClockState, SlaState } from './sla-state';
import type { SlaPriority } from './sla-targets';

/** The three groups of the SLA order, in that order. */
export const slaUrgencyGroups = ['savable', 'breached', 'stopped'] as const;
export type SlaUrgencyGroup = (typeof slaUrgencyGroups)[number];

/** Which of a case's two SLA clocks. */
export type SlaClockName = 'response' | 'resolution';

/** Where a case stands in the SLA order, and the clock that puts it there. */
export interface SlaUrgency {
  group: SlaUrgencyGroup;
  /** The counting clock with the nearest deadline (breached ones included); null if none. */
  urgent: { clock: SlaClockName; state: SlaClockState; dueAt: number } | null;
}

const counting = new Set<SlaClockState['status']>(['running', 'atRisk', 'breached']);

/**
 * The group of a case and its urgent clock: among the clocks still counting (or breached),
 * the one with the nearest deadline. A breached clock's deadline has passed, so it is always
 * the nearest: a case whose response is breached is breached even if resolution still runs.
 */
export function slaUrgency(sla: SlaState | null): SlaUrgency {
  if (!sla) return { group: 'stopped', urgent: null };
  let urgent: SlaUrgency['urgent'] = null;
  for (const clock of ['response', 'resolution'] as const) {
    const state = sla[clock];
    if (!counting.has(state.status) || state.dueAt === null) continue;
    if (!urgent || state.dueAt < urgent.dueAt) urgent = { clock, state, dueAt: state.dueAt };
  }
  if (!urgent) return { group: 'stopped', urgent: null };
  return { group: urgent.state.status === 'breached' ? 'breached' : 'savable', urgent };
}

const priorityRank: Record<SlaPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const groupRank: Record<SlaUrgencyGroup, number> = { savable: 0, breached: 1, stopped: 2 };

/**
 * A case's place in the SLA order as three numbers, compared in turn (lower first): cheap to
 * compute once per case and to compare while sorting 10,000 cases.
 */
export type SlaOrderKey = readonly [group: number, first: number, second: number];

export function slaOrderKey(urgency: SlaUrgency, priority: SlaPriority): SlaOrderKey {
  const p = priorityRank[priority];
  const due = urgency.urgent?.dueAt ?? 0;
  switch (urgency.group) {
    case 'savable':
      return [groupRank.savable, due, p];
    case 'breached':
      return [groupRank.breached, p, -due];
    case 'stopped':
      return [groupRank.stopped, p, 0];
  }
}

/** Compares two keys of `slaOrderKey`: negative when `a` comes first. */
export function compareSlaOrderKeys(a: SlaOrderKey, b: SlaOrderKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Items in the SLA order (a stable sort: equal keys keep their given order). */
export function sortBySlaUrgency<T>(
  items: readonly T[],
  urgencyOf: (item: T) => SlaUrgency,
  priorityOf: (item: T) => SlaPriority,
): T[] {
  const keyed = items.map((item) => ({
    item,
    key: slaOrderKey(urgencyOf(item), priorityOf(item)),
  }));
  keyed.sort((a, b) => compareSlaOrderKeys(a.key, b.key));
  return keyed.map((k) => k.item);
}
