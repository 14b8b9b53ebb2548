import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar, defaultCalendarConfig } from '../calendar/index';
import { slaState } from './sla-clock';
import type { SlaClockState, SlaState, SlaStatus } from './sla-state';
import { defaultSlaConfig, type SlaPriority } from './sla-targets';
import { type SlaUrgencyGroup, slaOrderKey, slaUrgency, sortBySlaUrgency } from './sla-urgency';

const MIN = 60_000;
const now = DateTime.fromISO('2026-03-10T10:00', { zone: 'Europe/Oslo' }).toMillis();

/** A clock in `status`, due `dueIn` minutes from now (negative: breached that long ago). */
function clock(status: SlaStatus, dueIn: number | null = null): SlaClockState {
  return {
    dueAt: dueIn === null ? null : now + dueIn * MIN,
    usedMinutes: 0,
    leftMinutes: dueIn ?? 0,
    targetMinutes: 60,
    fraction: 0,
    status,
  };
}
const state = (response: SlaClockState, resolution: SlaClockState): SlaState => ({
  priority: 'medium',
  response,
  resolution,
  worst: 'running', // not read by the order
});

describe('the group and urgent clock of a case', () => {
  it.each([
    // name, response, resolution, group, urgent clock
    ['no SLA state', null, null, 'stopped', null],
    ['new, response running', clock('running', 59), clock('running', 900), 'savable', 'response'],
    ['response at risk', clock('atRisk', 10), clock('running', 900), 'savable', 'response'],
    ['answered, resolution at risk', clock('met'), clock('atRisk', 30), 'savable', 'resolution'],
    [
      'answered late, resolution running',
      clock('breachedMet'),
      clock('running', 300),
      'savable',
      'resolution',
    ],
    ['response breached', clock('breached', -5), clock('running', 900), 'breached', 'response'],
    ['resolution breached', clock('met'), clock('breached', -60), 'breached', 'resolution'],
    ['waiting (paused)', clock('met'), clock('paused'), 'stopped', null],
    ['resolved', clock('met'), clock('met'), 'stopped', null],
  ] as const)('%s: %s', (_name, response, resolution, group, urgentClock) => {
    const sla = response && resolution ? state(response, resolution) : null;
    const u = slaUrgency(sla);
    expect(u.group).toBe(group);
    expect(u.urgent?.clock ?? null).toBe(urgentClock);
  });
});

describe('the SLA order: what can still be saved first, then breached, then the rest', () => {
  type Row = [name: string, priority: SlaPriority, group: SlaUrgencyGroup, dueIn: number | null];
  // Given in the expected order; sorted from reversed (and shuffled) input.
  const expected: Row[] = [
    ['critical running, due in 5 min', 'critical', 'savable', 5],
    ['high at risk, due in 15 min', 'high', 'savable', 15],
    ['low at risk, due in 15 min (same due: priority)', 'low', 'savable', 15],
    ['high new, 59 min left', 'high', 'savable', 59],
    ['medium running, due tomorrow', 'medium', 'savable', 60 * 24],
    ['critical breached 3 days ago', 'critical', 'breached', -3 * 24 * 60],
    ['high breached 2 min ago', 'high', 'breached', -2],
    ['high breached 27 days ago', 'high', 'breached', -27 * 24 * 60],
    ['low breached 1 min ago', 'low', 'breached', -1],
    ['critical waiting', 'critical', 'stopped', null],
    ['medium resolved', 'medium', 'stopped', null],
  ];
  const asState = ([, , group, dueIn]: Row): SlaState | null => {
    if (group === 'stopped') return state(clock('met'), clock('paused'));
    const status = group === 'breached' ? 'breached' : dueIn! < 20 ? 'atRisk' : 'running';
    return state(clock(status, dueIn), clock('running', 100_000));
  };
  const sorted = (rows: Row[]) =>
    sortBySlaUrgency(
      rows,
      (r) => slaUrgency(asState(r)),
      (r) => r[1],
    ).map((r) => r[0]);

  it('from reversed input', () => {
    expect(sorted([...expected].reverse())).toEqual(expected.map((r) => r[0]));
  });
  it('from interleaved input', () => {
    const odd = expected.filter((_, i) => i % 2 === 1);
    const even = expected.filter((_, i) => i % 2 === 0);
    expect(sorted([...odd, ...even.reverse()])).toEqual(expected.map((r) => r[0]));
  });
  it('each case falls in its group', () => {
    for (const row of expected) expect(slaUrgency(asState(row)).group).toBe(row[2]);
  });
  it('equal keys keep their given order (callers break ties)', () => {
    const a = state(clock('running', 30), clock('running', 900));
    expect(slaOrderKey(slaUrgency(a), 'high')).toEqual(slaOrderKey(slaUrgency(a), 'high'));
    const items = ['first', 'second'];
    expect(
      sortBySlaUrgency(
        items,
        () => slaUrgency(a),
        () => 'high',
      ),
    ).toEqual(items);
  });
});

describe('over the real SLA clock', () => {
  const calendar = createServiceCalendar(defaultCalendarConfig);
  const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
  const of = (priority: SlaPriority, created: string) =>
    slaState([{ at: at(created), kind: 'created', priority }], calendar, defaultSlaConfig, now);

  it('a new high case with 59 minutes left comes before 138 breached ones', () => {
    const fresh = { name: 'fresh', priority: 'high' as const, sla: of('high', '2026-03-10T09:59') };
    const old = Array.from({ length: 138 }, (_, i) => ({
      name: `old-${i}`,
      priority: 'medium' as const,
      sla: of('medium', '2026-02-02T09:00'),
    }));
    expect(slaUrgency(fresh.sla).group).toBe('savable');
    expect(slaUrgency(old[0]!.sla).group).toBe('breached');
    const order = sortBySlaUrgency(
      [...old, fresh],
      (c) => slaUrgency(c.sla),
      (c) => c.priority,
    );
    expect(order[0]!.name).toBe('fresh');
  });
});
