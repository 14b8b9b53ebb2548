/**
 * The on-call rota: who carries the on-call phone in each period. A default rotation goes
 * round a list of people (by day or by week); the team leader overrides single periods and
 * swaps two; a period with nobody on it is a warning. Pure: the periods come from
 * {@link onCallPeriods}, the overrides from the store.
 */
import { z } from 'zod';
import { dayNumberOf } from '../calendar/service-calendar';
import type { OnCallPeriod } from './on-call-periods';

export const rotaSettingsSchema = z.strictObject({
  /** User ids in rotation order. */
  rotation: z.array(z.string().min(1)).default([]),
  /** 'YYYY-MM-DD': the first day (or the week holding it) of rotation[0]. */
  anchorDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .default('2026-01-05'),
  /** The rotation moves on every day or every week (ISO weeks, Monday to Sunday). */
  rotateBy: z.enum(['day', 'week']).default('week'),
  /** The next person in the rotation is the backup. */
  backupFromRotation: z.boolean().default(true),
});
export type RotaSettings = z.infer<typeof rotaSettingsSchema>;

/** One period's person set by hand (a swap is two of them). `userId: null` clears it. */
export const rotaOverrideSchema = z.strictObject({
  periodId: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  role: z.enum(['primary', 'backup']),
  userId: z.string().min(1).nullable(),
});
export type RotaOverride = z.infer<typeof rotaOverrideSchema>;

export interface RotaAssignment {
  period: OnCallPeriod;
  primaryId: string | null;
  backupId: string | null;
  /** Where each came from: the default rotation or an override. */
  primarySource: 'rotation' | 'override';
  backupSource: 'rotation' | 'override';
}

export type RotaWarning =
  /** Nobody carries the on-call phone in this period. */
  | { periodId: string; kind: 'nobodyOnCall' }
  /** The same person is primary and backup. */
  | { periodId: string; kind: 'backupIsPrimary' };

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** Index into the rotation for a period. */
export function rotationIndex(settings: RotaSettings, period: OnCallPeriod): number {
  const days = dayNumberOf(period.date) - dayNumberOf(settings.anchorDate);
  if (settings.rotateBy === 'day') return days;
  // ISO weeks: Monday-based. dayNumber 4 (1970-01-05) was a Monday.
  const weekOf = (d: number) => Math.floor((d - 4) / 7);
  return weekOf(dayNumberOf(period.date)) - weekOf(dayNumberOf(settings.anchorDate));
}

/** Who is on call (and backup) in each period. Later overrides of the same slot win. */
export function assignRota(
  periods: readonly OnCallPeriod[],
  settings: RotaSettings,
  overrides: readonly RotaOverride[],
): RotaAssignment[] {
  const byKey = new Map<string, string | null>();
  for (const o of overrides) byKey.set(`${o.periodId}|${o.role}`, o.userId);
  const n = settings.rotation.length;
  return periods.map((period) => {
    const index = rotationIndex(settings, period);
    const rotPrimary = n > 0 ? settings.rotation[mod(index, n)]! : null;
    const rotBackup =
      n > 1 && settings.backupFromRotation ? settings.rotation[mod(index + 1, n)]! : null;
    const p = byKey.get(`${period.id}|primary`);
    const b = byKey.get(`${period.id}|backup`);
    return {
      period,
      primaryId: p === undefined ? rotPrimary : p,
      backupId: b === undefined ? rotBackup : b,
      primarySource: p === undefined ? 'rotation' : 'override',
      backupSource: b === undefined ? 'rotation' : 'override',
    };
  });
}

/** Warnings for the team leader: periods with nobody on call, backup equal to primary. */
export function rotaWarnings(assignments: readonly RotaAssignment[]): RotaWarning[] {
  const warnings: RotaWarning[] = [];
  for (const a of assignments) {
    if (!a.primaryId) warnings.push({ periodId: a.period.id, kind: 'nobodyOnCall' });
    else if (a.backupId === a.primaryId) {
      warnings.push({ periodId: a.period.id, kind: 'backupIsPrimary' });
    }
  }
  return warnings;
}

/**
 * The overrides that swap the people on call in two periods: each takes the other's shift.
 * When the one coming in was the backup of that period, the one going out becomes its
 * backup, so a swap never leaves someone as their own backup.
 */
export function swapOverrides(a: RotaAssignment, b: RotaAssignment): RotaOverride[] {
  const into = (x: RotaAssignment, incoming: string | null): RotaOverride[] => {
    const list: RotaOverride[] = [{ periodId: x.period.id, role: 'primary', userId: incoming }];
    if (incoming !== null && x.backupId === incoming) {
      list.push({ periodId: x.period.id, role: 'backup', userId: x.primaryId });
    }
    return list;
  };
  return [...into(a, b.primaryId), ...into(b, a.primaryId)];
}

/** The shifts of one person (primary or backup), for the iCalendar feed. */
export function shiftsOf(
  assignments: readonly RotaAssignment[],
  userId: string,
): Array<{ period: OnCallPeriod; role: 'primary' | 'backup' }> {
  const shifts: Array<{ period: OnCallPeriod; role: 'primary' | 'backup' }> = [];
  for (const a of assignments) {
    if (a.primaryId === userId) shifts.push({ period: a.period, role: 'primary' });
    else if (a.backupId === userId) shifts.push({ period: a.period, role: 'backup' });
  }
  return shifts;
}
