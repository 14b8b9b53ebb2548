/**
 * The rota's storage: the default rotation (one JSON setting) and the overrides per period;
 * with core's periods and assignment rule they give who is on call when.
 */
import {
  assignRota,
  onCallPeriodAt,
  onCallPeriods,
  type RotaAssignment,
  type RotaOverride,
  type RotaSettings,
  rotaSettingsSchema,
} from '@core/oncall';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';

type Db = Kysely<Database> | Transaction<Database>;

export async function getRotaSettings(db: Db): Promise<RotaSettings> {
  const row = await db
    .selectFrom('oncall_settings')
    .select('value')
    .where('key', '=', 'rota')
    .executeTakeFirst();
  return rotaSettingsSchema.parse(row ? JSON.parse(row.value) : {});
}

export async function putRotaSettings(
  db: Db,
  settings: RotaSettings,
  by: string,
  now: Date,
): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('oncall_settings')
    .values({ key: 'rota', value, updated_by: by, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, updated_by: by, updated_at: now.toISOString() }),
    )
    .execute();
}

export async function listOverrides(db: Db, fromId: string, toId: string): Promise<RotaOverride[]> {
  const rows = await db
    .selectFrom('oncall_overrides')
    .selectAll()
    .where('period_id', '>=', fromId)
    .where('period_id', '<=', toId)
    .execute();
  return rows.map((r) => ({
    periodId: r.period_id,
    role: r.role === 'backup' ? 'backup' : 'primary',
    userId: r.user_id,
  }));
}

export async function putOverrides(
  db: Db,
  overrides: readonly RotaOverride[],
  by: string,
  now: Date,
): Promise<void> {
  for (const o of overrides) {
    await db
      .insertInto('oncall_overrides')
      .values({
        period_id: o.periodId,
        role: o.role,
        user_id: o.userId,
        set_by: by,
        set_at: now.toISOString(),
      })
      .onConflict((oc) =>
        oc
          .columns(['period_id', 'role'])
          .doUpdateSet({ user_id: o.userId, set_by: by, set_at: now.toISOString() }),
      )
      .execute();
  }
}

/** Removes overrides so the default rotation applies again. */
export async function clearOverride(db: Db, periodId: string, role: string): Promise<void> {
  await db
    .deleteFrom('oncall_overrides')
    .where('period_id', '=', periodId)
    .where('role', '=', role)
    .execute();
}

/** The rota between two instants. */
export async function rotaBetween(
  ctx: ServerContext,
  db: Db,
  fromMs: number,
  toMs: number,
): Promise<RotaAssignment[]> {
  const periods = onCallPeriods(ctx.calendar, fromMs, toMs, ctx.config.paging.handoverTime);
  if (periods.length === 0) return [];
  const [settings, overrides] = await Promise.all([
    getRotaSettings(db),
    listOverrides(db, periods[0]!.id, periods[periods.length - 1]!.id),
  ]);
  return assignRota(periods, settings, overrides);
}

/** Who is on call at an instant (null while on-call is not staffed). */
export async function assignmentAt(
  ctx: ServerContext,
  db: Db,
  ms: number,
): Promise<RotaAssignment | null> {
  const period = onCallPeriodAt(ctx.calendar, ms, ctx.config.paging.handoverTime);
  if (!period) return null;
  const [settings, overrides] = await Promise.all([
    getRotaSettings(db),
    listOverrides(db, period.id, period.id),
  ]);
  return assignRota([period], settings, overrides)[0] ?? null;
}
