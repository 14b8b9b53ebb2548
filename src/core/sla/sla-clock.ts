/**
 * The SLA clock, computed from a case's history every time: nothing is stored but the
 * timeline, so a corrected calendar or changed target recomputes every case correctly.
 *
 * Rules (one place, so UI, server and reports agree):
 * - Two clocks, response and resolution, start at `created` and count open minutes of the
 *   calendar of the priority in force (`support` or `roundTheClock`).
 * - `paused` (waiting for requester or third party) stops both clocks until `resumed`;
 *   paused time is never counted.
 * - Response is met at the first `responded`. `resolved` meets resolution, and response too
 *   if nobody had responded (a resolved case has been answered). `reopened` resumes the
 *   resolution clock from the minutes already used.
 * - Priority change: minutes already used stay used, exactly as they were counted on the
 *   old priority's calendar; from the change on, the new priority's calendar counts, and the
 *   total is measured against the new priority's target. A case raised to critical on a
 *   Saturday therefore starts its round-the-clock count on Saturday, not on Friday night.
 *   If the total already exceeds the new target, the clock is breached from the change.
 *   A clock that has stopped (met) keeps the target that was in force when it stopped.
 * - Entries after `now` are ignored, so a past state can be recomputed.
 */
import {
  addOpenMs,
  type CalendarKind,
  openMsBetween,
  type ServiceCalendar,
} from '../calendar/index';
import {
  type SlaClockState,
  type SlaState,
  type SlaStatus,
  type SlaTimelineEntry,
  slaStatusSeverity as severity,
} from './sla-state';
import type { SlaConfig, SlaPriority } from './sla-targets';

const MINUTE_MS = 60_000;
const kinds: readonly CalendarKind[] = ['support', 'roundTheClock'];

/** A clock while the timeline is replayed. `segments` holds [start, usedBefore, kind] triples. */
interface Clock {
  usedMs: number;
  segments: number[];
  stoppedAt: number | null;
  stopPriority: SlaPriority;
  stopTargetSince: number;
}

const newClock = (priority: SlaPriority, since: number): Clock => ({
  usedMs: 0,
  segments: [],
  stoppedAt: null,
  stopPriority: priority,
  stopTargetSince: since,
});

function sortedByTime(timeline: readonly SlaTimelineEntry[]): readonly SlaTimelineEntry[] {
  for (let i = 1; i < timeline.length; i++) {
    // Array.prototype.sort is stable: entries at the same instant keep their given order.
    if (timeline[i]!.at < timeline[i - 1]!.at) return [...timeline].sort((a, b) => a.at - b.at);
  }
  return timeline;
}

/** The first instant the used minutes reached `targetMs`, never before the target was set. */
function breachInstant(
  calendar: ServiceCalendar,
  clock: Clock,
  targetMs: number,
  targetSince: number,
): number {
  const s = clock.segments;
  for (let i = 0; i < s.length; i += 3) {
    const usedAfter = i + 3 < s.length ? s[i + 4]! : clock.usedMs;
    if (usedAfter >= targetMs) {
      const crossing = addOpenMs(calendar, kinds[s[i + 2]!]!, s[i]!, targetMs - s[i + 1]!);
      return Math.max(crossing, targetSince);
    }
  }
  return targetSince;
}

function clockState(
  calendar: ServiceCalendar,
  config: SlaConfig,
  clock: Clock,
  which: 'responseMinutes' | 'resolutionMinutes',
  current: { priority: SlaPriority; targetSince: number; paused: boolean; now: number },
): SlaClockState {
  const stopped = clock.stoppedAt !== null;
  const target = config.targets[stopped ? clock.stopPriority : current.priority];
  const targetMs = target[which] * MINUTE_MS;
  const targetSince = stopped ? clock.stopTargetSince : current.targetSince;
  const used = clock.usedMs;
  const breached = used >= targetMs;
  const fraction = used / targetMs;
  let status: SlaStatus;
  let dueAt: number | null;
  if (breached) {
    status = stopped ? 'breachedMet' : 'breached';
    dueAt = breachInstant(calendar, clock, targetMs, targetSince);
  } else if (stopped) {
    status = 'met';
    dueAt = addOpenMs(calendar, target.calendar, clock.stoppedAt!, targetMs - used);
  } else if (current.paused) {
    status = 'paused';
    dueAt = null;
  } else {
    status = fraction >= config.atRiskThreshold ? 'atRisk' : 'running';
    dueAt = addOpenMs(calendar, target.calendar, current.now, targetMs - used);
  }
  const state: SlaClockState = {
    dueAt,
    usedMinutes: used / MINUTE_MS,
    leftMinutes: (targetMs - used) / MINUTE_MS,
    targetMinutes: target[which],
    fraction,
    status,
  };
  if (stopped) state.metAt = clock.stoppedAt!;
  return state;
}

/**
 * The SLA state of one case at `now` (epoch ms), replayed from its timeline.
 * @throws RangeError when the timeline has no `created` entry at or before `now`.
 */
export function slaState(
  timeline: readonly SlaTimelineEntry[],
  calendar: ServiceCalendar,
  slaConfig: SlaConfig,
  now: number,
): SlaState {
  const entries = sortedByTime(timeline);
  const start = entries.findIndex((e) => e.kind === 'created');
  const created = entries[start];
  if (created?.kind !== 'created' || created.at > now) {
    throw new RangeError('timeline must contain a created entry at or before now');
  }
  let priority = created.priority;
  let targetSince = created.at;
  let paused = false;
  const response = newClock(priority, targetSince);
  const resolution = newClock(priority, targetSince);
  let from = created.at;

  const record = (clock: Clock, used: number, kindIndex: number): void => {
    clock.segments.push(from, clock.usedMs, kindIndex);
    clock.usedMs += used;
  };
  // Counts open time from `from` to `to` on the calendar of the priority in force.
  const advance = (to: number): void => {
    const respRuns = !paused && response.stoppedAt === null;
    const resRuns = !paused && resolution.stoppedAt === null;
    if (to <= from || !(respRuns || resRuns)) return;
    const kind = slaConfig.targets[priority].calendar;
    const used = openMsBetween(calendar, kind, from, to);
    if (used <= 0) return;
    const kindIndex = kind === 'support' ? 0 : 1;
    if (respRuns) record(response, used, kindIndex);
    if (resRuns) record(resolution, used, kindIndex);
  };
  const stop = (clock: Clock, at: number): void => {
    clock.stoppedAt = at;
    clock.stopPriority = priority;
    clock.stopTargetSince = targetSince;
  };

  for (let i = start + 1; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.at > now) break;
    advance(entry.at);
    from = Math.max(from, entry.at);
    switch (entry.kind) {
      case 'priorityChanged':
        if (entry.priority !== priority) {
          priority = entry.priority;
          targetSince = entry.at;
        }
        break;
      case 'paused':
        paused = true;
        break;
      case 'resumed':
        paused = false;
        break;
      case 'responded':
        if (response.stoppedAt === null) stop(response, entry.at);
        break;
      case 'resolved':
        if (response.stoppedAt === null) stop(response, entry.at);
        if (resolution.stoppedAt === null) stop(resolution, entry.at);
        paused = false;
        break;
      case 'reopened':
        resolution.stoppedAt = null;
        break;
      case 'created':
        break; // A second `created` is noise; the first one started the clocks.
    }
  }
  advance(now);

  const current = { priority, targetSince, paused, now };
  const responseState = clockState(calendar, slaConfig, response, 'responseMinutes', current);
  const resolutionState = clockState(calendar, slaConfig, resolution, 'resolutionMinutes', current);
  return {
    priority,
    response: responseState,
    resolution: resolutionState,
    worst:
      severity[responseState.status] >= severity[resolutionState.status]
        ? responseState.status
        : resolutionState.status,
  };
}

/** SLA states of many cases at the same `now`; the calendar's day cache is shared by all. */
export function slaStates(
  timelines: ReadonlyArray<readonly SlaTimelineEntry[]>,
  calendar: ServiceCalendar,
  slaConfig: SlaConfig,
  now: number,
): SlaState[] {
  return timelines.map((timeline) => slaState(timeline, calendar, slaConfig, now));
}
