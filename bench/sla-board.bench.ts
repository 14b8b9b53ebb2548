/**
 * The team leader's SLA board over 20,000 cases with 30 days of history: the full report
 * (one SLA state per case, then every figure) must compute in under 1 s, and the per-second
 * tick (countdowns of the at-risk and breached rows, no SLA clock) in under 5 ms.
 * Core level, in Node; the view runs the same functions.
 */

import { createServiceCalendar, defaultCalendarConfig } from '@core/calendar/index';
import type { CaseStatus, Priority, SupportLine } from '@core/case/case-vocabulary';
import {
  countdownOf,
  formatCountdown,
  type ReportCase,
  slaBoardReport,
  type WorklogEntry,
} from '@core/reports/index';
import { defaultSlaConfig, type SlaTimelineEntry } from '@core/sla/index';
import { DateTime } from 'luxon';
import type { BenchResult } from './run-all';

const CASES = 20_000;
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const priorities: Priority[] = ['critical', 'high', 'medium', 'medium', 'low', 'low'];
const agents = Array.from({ length: 40 }, (_, i) => `agent-${i}`);

/** mulberry32: every run measures the same work. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeHistory(now: number): { cases: ReportCase[]; worklogs: WorklogEntry[] } {
  const rnd = random(20260310);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const cases: ReportCase[] = [];
  const worklogs: WorklogEntry[] = [];
  for (let i = 0; i < CASES; i++) {
    let at = now - Math.floor(rnd() * 30 * DAY);
    const createdAt = at;
    const priority = pick(priorities);
    const timeline: SlaTimelineEntry[] = [{ at, kind: 'created', priority }];
    const step = (max: number) => {
      at = Math.min(now, at + Math.floor(rnd() * max * MINUTE));
      return at;
    };
    let status: CaseStatus = 'new';
    let waitingReason: ReportCase['waitingReason'] = null;
    if (rnd() < 0.85) {
      timeline.push({ at: step(240), kind: 'responded' });
      status = 'inProgress';
    }
    if (rnd() < 0.3) {
      timeline.push({ at: step(600), kind: 'paused' });
      status = 'waiting';
      waitingReason = rnd() < 0.5 ? 'requester' : 'thirdParty';
      if (rnd() < 0.6) {
        timeline.push({ at: step(2000), kind: 'resumed' });
        status = 'inProgress';
        waitingReason = null;
      }
    }
    if (rnd() < 0.6) {
      timeline.push({ at: step(4000), kind: 'resolved' });
      status = rnd() < 0.5 ? 'resolved' : 'closed';
      waitingReason = null;
    }
    const line = (1 + Math.floor(rnd() * 3)) as SupportLine;
    for (let w = Math.floor(rnd() * 3); w > 0; w--) {
      worklogs.push({
        entryId: `w-${i}-${w}`,
        caseId: `case-${i}`,
        at: Math.min(now, createdAt + Math.floor(rnd() * 3 * DAY)),
        line,
        minutes: 5 + Math.floor(rnd() * 120),
        actorId: pick(agents),
        note: '',
      });
    }
    cases.push({
      id: `case-${i}`,
      number: `2026-${String(i).padStart(5, '0')}`,
      title: `Sak ${i}`,
      status,
      waitingReason,
      priority,
      line,
      assigneeId: rnd() < 0.8 ? pick(agents) : null,
      createdAt: new Date(createdAt).toISOString(),
      slaTimeline: timeline,
    });
  }
  return { cases, worklogs };
}

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function run(): Promise<BenchResult[]> {
  const now = DateTime.fromISO('2026-03-10T10:00', { zone: 'Europe/Oslo' }).toMillis();
  const { cases, worklogs } = makeHistory(now);
  let report = slaBoardReport({
    cases,
    worklogs,
    calendar: createServiceCalendar(defaultCalendarConfig),
    slaConfig: defaultSlaConfig,
    now,
  });
  const cold = time(() => {
    report = slaBoardReport({
      cases,
      worklogs,
      calendar: createServiceCalendar(defaultCalendarConfig),
      slaConfig: defaultSlaConfig,
      now,
    });
  });
  const calendar = createServiceCalendar(defaultCalendarConfig);
  slaBoardReport({ cases, worklogs, calendar, slaConfig: defaultSlaConfig, now });
  const warmRuns = 5;
  const warm =
    time(() => {
      for (let i = 0; i < warmRuns; i++) {
        report = slaBoardReport({
          cases,
          worklogs,
          calendar,
          slaConfig: defaultSlaConfig,
          now: now + i * MINUTE,
        });
      }
    }) / warmRuns;

  // The tick: format every at-risk and breached row's countdown (the wall shows fewer).
  const rows = report.slaRisk.rows;
  const ticks = 200;
  let sink = 0;
  const tick =
    time(() => {
      for (let t = 0; t < ticks; t++) {
        const at = now + t * 1000;
        for (const row of rows) sink += formatCountdown(countdownOf(row, at).msLeft).length;
      }
    }) / ticks;

  return [
    {
      name: 'sla-board: report over 20,000 cases, 30 days (new calendar)',
      value: cold,
      unit: 'ms',
      target: '< 1000 ms',
      note: `${report.openCases.total} open, ${report.slaRisk.atRisk} at risk, ${report.slaRisk.breached} breached, ${worklogs.length} worklogs`,
    },
    {
      name: 'sla-board: report over 20,000 cases (warm calendar, per minute)',
      value: warm,
      unit: 'ms',
      target: '< 1000 ms',
      note: 'recomputed on each data change and once a minute',
    },
    {
      name: 'sla-board: per-second tick',
      value: tick,
      unit: 'ms',
      target: '< 5 ms',
      note: `countdowns of all ${rows.length} at-risk/breached rows, no SLA clock (${sink > 0 ? 'ok' : '-'})`,
    },
  ];
}
