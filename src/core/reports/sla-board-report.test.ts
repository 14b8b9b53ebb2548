import { describe, expect, it } from 'vitest';
import { calendarConfigSchema } from '../calendar/calendar-config';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import type { CaseChangeInput } from '../case/case-change';
import { defaultSlaConfig, slaConfigSchema } from '../sla/sla-targets';
import { complianceRowsOf } from './compliance-figure';
import { lastOnCallPeriod } from './on-call-figure';
import { periodStarts } from './report-periods';
import {
  buildFixture,
  caseIdOf,
  created,
  fixtureHistory,
  fixtureNow,
  oslo,
  type Step,
} from './sla-board-fixtures';
import { slaBoardReport } from './sla-board-report';
import { slaRiskGroups } from './sla-risk-figure';
import { worklogEntriesOf, worklogRowsOf } from './worklog-figure';

const calendar = createServiceCalendar(defaultCalendarConfig);
const { records, events } = buildFixture();
const worklogs = worklogEntriesOf(events);
// The same entry pulled twice is counted once; an entry after `now` is not counted.
worklogs.push({ ...worklogs[0]! });
worklogs.push({ ...worklogs[0]!, entryId: 'later', at: fixtureNow + 60_000 });
const report = slaBoardReport({
  cases: records,
  worklogs,
  calendar,
  slaConfig: defaultSlaConfig,
  now: fixtureNow,
});
const letterOf = (id: string) => String.fromCharCode(Number.parseInt(id.slice(-12), 16));
const letters = (rows: ReadonlyArray<{ caseId: string }>) => rows.map((r) => letterOf(r.caseId));

describe('report periods on Oslo days', () => {
  it.each([
    ['today', '2026-03-10T00:00'],
    ['days7', '2026-03-04T00:00'],
    ['days30', '2026-02-09T00:00'],
  ] as const)('%s starts at %s', (period, local) => {
    expect(periodStarts(calendar, fixtureNow)[period]).toBe(oslo(local));
  });
  it('keeps local midnight across the spring DST change', () => {
    // Monday 30 March 2026 12:00: 7 days back crosses Sunday 29 March (23-hour day).
    expect(periodStarts(calendar, oslo('2026-03-30T12:00')).days7).toBe(oslo('2026-03-24T00:00'));
  });
});

describe('open cases per line × priority', () => {
  it.each([
    [1, 'critical', 0],
    [1, 'high', 3], // C, D, J
    [1, 'medium', 1], // G
    [1, 'low', 1], // M
    [2, 'critical', 1], // B
    [2, 'low', 1], // F
    [3, 'medium', 1], // E
    [3, 'high', 0],
  ] as const)('line %s %s: %s', (line, priority, count) => {
    expect(report.openCases.cells[line][priority]).toBe(count);
  });
  it('totals and rows', () => {
    expect(report.openCases.total).toBe(8);
    expect(report.openCases.byLine).toEqual({ 1: 5, 2: 2, 3: 1 });
    expect(letters(report.openCases.rows).sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'J', 'M']);
  });
});

describe('cases at risk and breached: what can still be saved first', () => {
  it('counts', () => {
    expect([report.slaRisk.atRisk, report.slaRisk.breached]).toEqual([2, 2]);
  });
  // At risk first, soonest deadline first; then breached, highest priority first.
  it.each([
    ['C', 'atRisk', 'response', '2026-03-10T10:15', null],
    ['F', 'atRisk', 'resolution', '2026-03-11T10:00', 'u-kari'],
    ['B', 'breached', 'resolution', '2026-03-10T07:00', 'u-kari'],
    ['G', 'breached', 'response', '2026-03-05T12:00', null],
  ] as const)('%s: %s %s due %s, with %s', (letter, status, clock, due, assignee) => {
    const i = letters(report.slaRisk.rows).indexOf(letter);
    expect(i).toBe(['C', 'F', 'B', 'G'].indexOf(letter));
    const row = report.slaRisk.rows[i]!;
    expect([row.slaStatus, row.clock, row.dueAt, row.assigneeId]).toEqual([
      status,
      clock,
      oslo(due),
      assignee,
    ]);
  });
  it('paused cases are not at risk: D waits with 5 of 60 minutes used', () => {
    expect(letters(report.slaRisk.rows)).not.toContain('D');
  });
  it('the groups apart, each in order', () => {
    const groups = slaRiskGroups(report.slaRisk);
    expect([letters(groups.atRisk), letters(groups.breached)]).toEqual([
      ['C', 'F'],
      ['B', 'G'],
    ]);
  });
  it('a few at-risk cases among many old breaches are the first rows', () => {
    const history: Record<string, Step[]> = { ...fixtureHistory };
    // 40 medium cases nobody answered since February: all breached, for weeks.
    for (let i = 0; i < 40; i++) {
      const day = String(2 + (i % 20)).padStart(2, '0');
      history[String.fromCharCode(0x100 + i)] = [
        [`2026-02-${day}T09:00`, created('medium', `Gamal sak ${i}`)],
      ];
    }
    // A high case registered 09:20: 40 of 60 minutes used, not yet at risk.
    history.N = [['2026-03-10T09:20', created('high', 'Ny sak')]];
    // A high case registered 09:12: 48 of 60 minutes used, at risk, due 10:12.
    history.P = [['2026-03-10T09:12', created('high', 'Snart for seint')]];
    const r = slaBoardReport({
      cases: buildFixture(history).records,
      worklogs: [],
      calendar,
      slaConfig: defaultSlaConfig,
      now: fixtureNow,
    });
    expect([r.slaRisk.atRisk, r.slaRisk.breached]).toEqual([3, 42]);
    expect(letters(r.slaRisk.rows.slice(0, 4))).toEqual(['P', 'C', 'F', 'B']);
    expect(r.slaRisk.rows.slice(3).every((row) => row.slaStatus === 'breached')).toBe(true);
  });
});

describe('critical cases waiting for their first response', () => {
  const ack: CaseChangeInput = { type: 'acknowledged' };
  it('none in the fixture: every critical case there was acknowledged', () => {
    expect(report.criticalWaiting.rows).toEqual([]);
  });
  it('open, critical and unanswered only; answerable in time first, then breached', () => {
    const history: Record<string, Step[]> = {
      ...fixtureHistory,
      // Critical 09:50, nobody answered: response due 10:05 (running).
      N: [['2026-03-10T09:50', created('critical', 'Nettverket nede i rådhuset')]],
      // Critical 09:40: 20 of 15 minutes used: breached since 09:55.
      P: [['2026-03-10T09:40', created('critical', 'Sentralbordet svarar ikkje')]],
      // Critical 09:57: 3 of 15 minutes, due 10:12.
      Q: [['2026-03-10T09:57', created('critical', 'Journal utilgjengeleg')]],
      // Critical, acknowledged: not waiting.
      R: [
        ['2026-03-10T09:45', created('critical', 'Kvittert')],
        ['2026-03-10T09:46', ack, 'u-vakt'],
      ],
      // High and unanswered: not critical.
      S: [['2026-03-10T09:55', created('high', 'Høg')]],
    };
    const r = slaBoardReport({
      cases: buildFixture(history).records,
      worklogs: [],
      calendar,
      slaConfig: defaultSlaConfig,
      now: fixtureNow,
    });
    expect(
      r.criticalWaiting.rows.map((row) => [letterOf(row.caseId), row.slaStatus, row.dueAt]),
    ).toEqual([
      ['N', 'running', oslo('2026-03-10T10:05')],
      ['Q', 'running', oslo('2026-03-10T10:12')],
      ['P', 'breached', oslo('2026-03-10T09:55')],
    ]);
  });
});

describe('compliance (met within target / finished or breached)', () => {
  const c = report.compliance.byPeriod;
  it.each([
    ['today', 'response', 1, 3], // D met; B, J late
    ['today', 'resolution', 2, 3], // A, L met; B ran out
    ['days7', 'response', 7, 10], // A D E H K L M met; B G J not
    ['days7', 'resolution', 4, 6], // A H K L met; B G not
    ['days30', 'response', 8, 11], // + F (25 Feb)
    ['days30', 'resolution', 4, 6],
  ] as const)('%s %s: %s of %s', (period, clock, met, total) => {
    expect(c[period][clock].all).toEqual({ met, total, ratio: met / total });
  });
  it.each([
    ['today', 'response', 'critical', 0, 1],
    ['today', 'response', 'high', 1, 2],
    ['today', 'response', 'low', 0, 0],
    ['days7', 'resolution', 'critical', 3, 4], // A K L met, B not
    ['days7', 'resolution', 'medium', 0, 1], // G
  ] as const)('%s %s %s: %s of %s', (period, clock, priority, met, total) => {
    expect([
      c[period][clock].byPriority[priority].met,
      c[period][clock].byPriority[priority].total,
    ]).toEqual([met, total]);
  });
  it.each([
    ['days7', 'resolution', 1, 4, 5],
    ['days7', 'resolution', 2, 0, 1],
    ['days30', 'response', 2, 1, 2], // F met, B late
    ['days30', 'response', 3, 1, 1], // E
  ] as const)('%s %s line %s: %s of %s', (period, clock, line, met, total) => {
    expect([c[period][clock].byLine[line].met, c[period][clock].byLine[line].total]).toEqual([
      met,
      total,
    ]);
  });
  it('no data is null, not 100 %', () => {
    expect(c.today.response.byPriority.low.ratio).toBeNull();
  });
  it('returns the rows behind a figure', () => {
    const rows = complianceRowsOf(report.compliance, 'today', 'response');
    expect(letters(rows).sort()).toEqual(['B', 'D', 'J']);
    expect(rows.find((r) => letterOf(r.caseId) === 'J')).toMatchObject({
      outcome: 'breached',
      open: false,
      usedMinutes: 80,
      targetMinutes: 60,
    });
    expect(
      letters(complianceRowsOf(report.compliance, 'days7', 'resolution', { line: 2 })),
    ).toEqual(['B']);
  });
});

describe('time spent per line from worklogs', () => {
  it.each([
    ['today', { 1: 0, 2: 30, 3: 0 }],
    ['days7', { 1: 20, 2: 30, 3: 45 }],
    ['days30', { 1: 20, 2: 90, 3: 45 }],
  ] as const)('%s', (period, minutes) => {
    expect(report.worklog.byPeriod[period]).toEqual(minutes);
  });
  it('rows behind line 2, 30 days', () => {
    expect(letters(worklogRowsOf(report.worklog, 'days30', 2))).toEqual(['B', 'F']);
  });
});

describe('load per agent', () => {
  it('open cases per assignee, unassigned last', () => {
    expect(
      report.agentLoad.agents.map((a) => [a.assigneeId, a.open, a.waiting, a.atRisk, a.breached]),
    ).toEqual([
      ['u-kari', 2, 0, 1, 1],
      ['u-per', 2, 1, 0, 0],
      ['u-ola', 1, 0, 0, 0],
      [null, 3, 1, 1, 1],
    ]);
  });
});

describe('waiting cases and why', () => {
  it('by reason, longest waiting first', () => {
    const w = report.waiting;
    expect([w.requester, w.thirdParty, w.unknown]).toEqual([1, 1, 0]);
    expect(w.rows.map((r) => [letterOf(r.caseId), r.reason, r.since])).toEqual([
      ['M', 'thirdParty', oslo('2026-03-09T11:00')],
      ['D', 'requester', oslo('2026-03-10T08:30')],
    ]);
  });
});

describe('critical cases of the last on-call period', () => {
  it('finds the period from the calendar', () => {
    expect(lastOnCallPeriod(calendar, fixtureNow)).toEqual({
      start: oslo('2026-03-09T15:30'),
      end: oslo('2026-03-10T08:00'),
      ongoing: false,
    });
  });
  it.each([
    // Saturday afternoon: the weekend period, from Friday 15:30, is still going.
    ['2026-03-07T14:00', '2026-03-06T15:30', '2026-03-09T08:00', true],
    // Monday 12:00 after the weekend.
    ['2026-03-09T12:00', '2026-03-06T15:30', '2026-03-09T08:00', false],
    // Easter 2026: Maundy Thursday to Easter Monday is one period, Wednesday 15:30 – Tuesday 08:00.
    ['2026-04-07T09:00', '2026-04-01T15:30', '2026-04-07T08:00', false],
  ])('at %s: %s – %s', (at, start, end, ongoing) => {
    expect(lastOnCallPeriod(calendar, oslo(at))).toEqual({
      start: oslo(start),
      end: oslo(end),
      ongoing,
    });
  });
  it('lists the cases that became critical in it and how fast they were answered', () => {
    const o = report.onCall;
    expect(o.rows.map((r) => [letterOf(r.caseId), r.answerMinutes, r.responseStatus])).toEqual([
      ['A', 10, 'met'],
      ['L', 5, 'met'],
      ['B', 40, 'breachedMet'],
    ]);
    expect([
      o.total,
      o.answered,
      o.withinTarget,
      o.medianAnswerMinutes,
      o.maxAnswerMinutes,
    ]).toEqual([3, 3, 2, 10, 40]);
  });
});

describe('every figure follows the configuration', () => {
  it('a shorter high response target breaches C', () => {
    const sla = slaConfigSchema.parse({
      targets: { high: { responseMinutes: 40, resolutionMinutes: 480, calendar: 'support' } },
    });
    const r = slaBoardReport({
      cases: records,
      worklogs: [],
      calendar,
      slaConfig: sla,
      now: fixtureNow,
    });
    expect([r.slaRisk.atRisk, r.slaRisk.breached]).toEqual([1, 3]);
    expect(r.slaRisk.rows.find((x) => x.caseId === caseIdOf('C'))?.dueAt).toBe(
      oslo('2026-03-10T09:55'),
    );
  });
  it('a higher at-risk threshold leaves nothing at risk', () => {
    const sla = slaConfigSchema.parse({ atRiskThreshold: 0.95 });
    const r = slaBoardReport({
      cases: records,
      worklogs: [],
      calendar,
      slaConfig: sla,
      now: fixtureNow,
    });
    expect([r.slaRisk.atRisk, r.slaRisk.breached]).toEqual([0, 2]);
  });
  it('an extra closed day gives F a working day back', () => {
    const closed = createServiceCalendar(
      calendarConfigSchema.parse({ extraClosedDays: [{ date: '2026-03-09', name: 'Stengt' }] }),
    );
    const r = slaBoardReport({
      cases: records,
      worklogs: [],
      calendar: closed,
      slaConfig: defaultSlaConfig,
      now: fixtureNow,
    });
    expect(r.slaRisk.rows.find((x) => x.caseId === caseIdOf('F'))?.leftMinutes).toBe(960);
  });
});
