import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../calendar/calendar-config';
import { createServiceCalendar } from '../calendar/service-calendar';
import { onCallPeriods } from './on-call-periods';
import {
  assignRota,
  type RotaSettings,
  rotaSettingsSchema,
  rotaWarnings,
  shiftsOf,
  swapOverrides,
} from './on-call-rota';

const calendar = createServiceCalendar(defaultCalendarConfig);
const oslo = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Oslo' }).toMillis();
// Monday 2 March to Monday 16 March 2026: two weeks.
const periods = onCallPeriods(calendar, oslo('2026-03-02T08:00'), oslo('2026-03-16T08:00'));
const weekly: RotaSettings = rotaSettingsSchema.parse({
  rotation: ['kari', 'ola', 'per'],
  anchorDate: '2026-03-02',
  rotateBy: 'week',
});

describe('assignRota', () => {
  it.each([
    { id: '2026-03-02T15:30', primary: 'kari', backup: 'ola', why: 'first Monday night' },
    { id: '2026-03-08T08:00', primary: 'kari', backup: 'ola', why: 'Sunday is still week one' },
    { id: '2026-03-09T15:30', primary: 'ola', backup: 'per', why: 'week two' },
  ])('weekly rotation: $id is $primary with $backup ($why)', ({ id, primary, backup }) => {
    const a = assignRota(periods, weekly, []).find((x) => x.period.id === id)!;
    expect([a.primaryId, a.backupId, a.primarySource]).toEqual([primary, backup, 'rotation']);
  });

  it('daily rotation goes round every day, also before the anchor', () => {
    const daily = { ...weekly, rotateBy: 'day' as const, anchorDate: '2026-03-03' };
    const ids = assignRota(periods.slice(0, 5), daily, []).map((a) => a.primaryId);
    expect(ids).toEqual(['per', 'kari', 'ola', 'per', 'kari']);
  });

  it('an override wins, a swap exchanges two periods, a cleared slot warns', () => {
    const base = assignRota(periods, weekly, []);
    const monday = base.find((a) => a.period.id === '2026-03-02T15:30')!;
    const nextMonday = base.find((a) => a.period.id === '2026-03-09T15:30')!;
    const overrides = [
      ...swapOverrides(monday, nextMonday),
      { periodId: '2026-03-04T15:30', role: 'primary' as const, userId: null },
      { periodId: '2026-03-05T15:30', role: 'backup' as const, userId: 'kari' },
    ];
    const rota = assignRota(periods, weekly, overrides);
    const get = (id: string) => rota.find((a) => a.period.id === id)!;
    expect(get('2026-03-02T15:30').primaryId).toBe('ola');
    expect(get('2026-03-09T15:30').primaryId).toBe('kari');
    expect(get('2026-03-02T15:30').primarySource).toBe('override');
    expect(rotaWarnings(rota)).toEqual([
      { periodId: '2026-03-04T15:30', kind: 'nobodyOnCall' },
      { periodId: '2026-03-05T15:30', kind: 'backupIsPrimary' },
    ]);
  });

  it('an empty rotation leaves every period with nobody on call', () => {
    const rota = assignRota(periods.slice(0, 2), rotaSettingsSchema.parse({}), []);
    expect(rotaWarnings(rota).map((w) => w.kind)).toEqual(['nobodyOnCall', 'nobodyOnCall']);
  });

  it('lists one person’s shifts for their calendar', () => {
    const shifts = shiftsOf(assignRota(periods, weekly, []), 'per');
    expect(shifts.filter((s) => s.role === 'primary')).toHaveLength(0);
    expect(shifts.filter((s) => s.role === 'backup')).toHaveLength(7);
  });
});
