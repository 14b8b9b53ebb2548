import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../calendar/calendar-config';
import { createServiceCalendar } from '../calendar/service-calendar';
import type { SlaFact } from '../case/case-sla-facts';
import type { CaseStatus } from '../case/case-vocabulary';
import { defaultSlaConfig } from '../sla/sla-targets';
import { slaWarningRecipients, slaWarningStillDue, slaWarningTimes } from './sla-warnings';

const calendar = createServiceCalendar(defaultCalendarConfig);
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
const show = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Oslo' }).toFormat("yyyy-MM-dd'T'HH:mm");

function record(status: CaseStatus, facts: Array<[string, SlaFact['kind'], string?]>) {
  return {
    status,
    slaTimeline: facts.map(([at, kind, priority]) =>
      kind === 'created' || kind === 'priorityChanged'
        ? ({ at: oslo(at), kind, priority: priority ?? 'medium' } as SlaFact)
        : ({ at: oslo(at), kind } as SlaFact),
    ),
  };
}

describe('slaWarningTimes', () => {
  it.each([
    {
      why: 'critical at 02:00: at risk after 11:15 (75 % of 15 min), breach at 02:15, round the clock',
      rec: record('new', [['2026-03-04T02:00', 'created', 'critical']]),
      now: '2026-03-04T02:00',
      times: [
        'response:atRisk:2026-03-04T02:11',
        'response:breached:2026-03-04T02:15',
        'resolution:atRisk:2026-03-04T05:00',
        'resolution:breached:2026-03-04T06:00',
      ],
    },
    {
      why: 'high on Friday 15:45: on the support calendar, over the weekend to Monday',
      rec: record('new', [['2026-03-06T15:45', 'created', 'high']]),
      now: '2026-03-06T15:45',
      times: [
        'response:atRisk:2026-03-09T08:30',
        'response:breached:2026-03-09T08:45',
        'resolution:atRisk:2026-03-09T13:45',
        'resolution:breached:2026-03-09T15:45',
      ],
    },
    {
      why: 'responded: only the resolution clock warns',
      rec: record('inProgress', [
        ['2026-03-04T02:00', 'created', 'critical'],
        ['2026-03-04T02:05', 'responded'],
      ]),
      now: '2026-03-04T02:06',
      times: ['resolution:atRisk:2026-03-04T05:00', 'resolution:breached:2026-03-04T06:00'],
    },
    {
      why: 'a paused clock warns nobody',
      rec: record('waiting', [
        ['2026-03-04T10:00', 'created', 'medium'],
        ['2026-03-04T10:30', 'paused'],
      ]),
      now: '2026-03-04T11:00',
      times: [],
    },
    {
      why: 'already at risk: only the breach is still to come',
      rec: record('new', [['2026-03-04T02:00', 'created', 'critical']]),
      now: '2026-03-04T02:12',
      times: [
        'response:breached:2026-03-04T02:15',
        'resolution:atRisk:2026-03-04T05:00',
        'resolution:breached:2026-03-04T06:00',
      ],
    },
    {
      why: 'resolved: nothing',
      rec: record('resolved', [
        ['2026-03-04T02:00', 'created', 'critical'],
        ['2026-03-04T02:05', 'resolved'],
      ]),
      now: '2026-03-04T02:06',
      times: [],
    },
    {
      why: 'a low case over the spring-forward weekend counts support hours only',
      rec: record('new', [['2026-03-27T15:00', 'created', 'low']]),
      now: '2026-03-27T15:00',
      times: [
        'response:atRisk:2026-03-30T13:00',
        'response:breached:2026-03-30T15:00',
        // Easter: Maundy Thursday, Good Friday and Easter Monday are closed.
        'resolution:atRisk:2026-04-13T11:00',
        'resolution:breached:2026-04-15T15:00',
      ],
    },
  ])('$why', ({ rec, now, times }) => {
    const got = slaWarningTimes(rec, calendar, defaultSlaConfig, oslo(now)).map(
      (t) => `${t.clock}:${t.level}:${show(t.at)}`,
    );
    expect(got).toEqual(times);
  });

  it('a fired warning checks it still holds (met or paused since: silent)', () => {
    const running = record('new', [['2026-03-04T02:00', 'created', 'critical']]);
    const at = oslo('2026-03-04T02:15');
    expect(
      slaWarningStillDue(
        running,
        calendar,
        defaultSlaConfig,
        { clock: 'response', level: 'breached' },
        at,
      ),
    ).toBe(true);
    const responded = record('inProgress', [
      ['2026-03-04T02:00', 'created', 'critical'],
      ['2026-03-04T02:14', 'responded'],
    ]);
    expect(
      slaWarningStillDue(
        responded,
        calendar,
        defaultSlaConfig,
        { clock: 'response', level: 'breached' },
        at,
      ),
    ).toBe(false);
  });
});

describe('slaWarningRecipients', () => {
  it.each([
    { assigneeId: 'kari', line: 1 as const, want: ['person:kari', 'person:tone'] },
    { assigneeId: null, line: 2 as const, want: ['line:2', 'person:tone'] },
    { assigneeId: 'tone', line: 1 as const, want: ['person:tone'] },
  ])('assignee $assigneeId on line $line', ({ assigneeId, line, want }) => {
    expect(
      slaWarningRecipients({ assigneeId, line }, ['tone']).map((r) =>
        r.kind === 'person' ? `person:${r.userId}` : `line:${r.line}`,
      ),
    ).toEqual(want);
  });
});
