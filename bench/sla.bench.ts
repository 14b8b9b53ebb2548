/**
 * SLA clock throughput: 100,000 SLA states from varied timelines (all four priorities,
 * pauses, responses, resolutions, reopenings, priority changes; ages from minutes to four
 * months, across DST changes and holidays). Target: under 1 s on a cold calendar.
 */

import { createServiceCalendar, defaultCalendarConfig } from '@core/calendar/index';
import {
  defaultSlaConfig,
  type SlaPriority,
  type SlaTimelineEntry,
  slaPriorities,
  slaStates,
} from '@core/sla/index';
import { DateTime } from 'luxon';
import type { BenchResult } from './run-all';

const CASES = 100_000;
const MINUTE = 60_000;

/** Small deterministic PRNG (mulberry32) so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeTimelines(now: number): SlaTimelineEntry[][] {
  const rnd = random(20260306);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const timelines: SlaTimelineEntry[][] = [];
  for (let i = 0; i < CASES; i++) {
    // Most cases are days old; some are months old (long open-time spans to measure).
    const ageMinutes = rnd() < 0.7 ? rnd() * 14 * 1440 : rnd() * 120 * 1440;
    let at = now - Math.floor(ageMinutes * MINUTE);
    const priority: SlaPriority = pick(slaPriorities);
    const entries: SlaTimelineEntry[] = [{ at, kind: 'created', priority }];
    const step = () => {
      at = Math.min(now, at + Math.floor(rnd() * (ageMinutes / 4 + 30) * MINUTE));
      return at;
    };
    if (rnd() < 0.8) entries.push({ at: step(), kind: 'responded' });
    if (rnd() < 0.2)
      entries.push({ at: step(), kind: 'priorityChanged', priority: pick(slaPriorities) });
    if (rnd() < 0.4) {
      entries.push({ at: step(), kind: 'paused' });
      if (rnd() < 0.7) entries.push({ at: step(), kind: 'resumed' });
    }
    if (rnd() < 0.4) {
      entries.push({ at: step(), kind: 'resolved' });
      if (rnd() < 0.2) entries.push({ at: step(), kind: 'reopened' });
    }
    timelines.push(entries);
  }
  return timelines;
}

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult[]> {
  const now = DateTime.fromISO('2026-11-02T10:30', { zone: 'Europe/Oslo' }).toMillis();
  const timelines = makeTimelines(now);
  let breached = 0;
  const cold = time(() => {
    const calendar = createServiceCalendar(defaultCalendarConfig);
    breached = slaStates(timelines, calendar, defaultSlaConfig, now).filter(
      (s) => s.worst === 'breached',
    ).length;
  });
  const calendar = createServiceCalendar(defaultCalendarConfig);
  slaStates(timelines, calendar, defaultSlaConfig, now);
  const warm = time(() => {
    slaStates(timelines, calendar, defaultSlaConfig, now);
  });
  return [
    {
      name: 'sla: 100,000 SLA states (new calendar)',
      value: cold,
      unit: 'ms',
      target: '< 1000 ms',
      note: `includes building day plans; ${breached} breached`,
    },
    {
      name: 'sla: 100,000 SLA states (warm calendar)',
      value: warm,
      unit: 'ms',
      target: '< 1000 ms',
      note: 'day plans cached, as in a running app',
    },
  ];
}
