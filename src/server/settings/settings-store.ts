/**
 * Run-time settings in the database: read, and change with an audit row in the same write
 * transaction. Only the SLA settings live here so far.
 */
import { randomUUID } from 'node:crypto';
import {
  type SlaSettings,
  type SlaSettingsAuditEntry,
  slaSettingsAuditEntrySchema,
} from '@core/reports/sla-settings';
import { type SlaConfig, slaConfigSchema } from '@core/sla';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { takeWriteLock } from '../db/write-lock';

/** The tables of migration 005, beside the shared schema (see settings-migration.ts). */
export type SettingsTables = {
  settings: {
    key: string;
    value: string;
    version: number;
    updated_by: string;
    updated_at: string;
  };
  settings_audit: {
    id: string;
    key: string;
    version: number;
    changed_by: string;
    changed_at: string;
    device_id: string;
    old_value: string;
    new_value: string;
  };
};

type SettingsDb = Kysely<Database & SettingsTables>;

export const slaSettingsKey = 'sla';

const withSettings = (db: Kysely<Database>): SettingsDb => db.withTables<SettingsTables>();

/**
 * The SLA settings in force: the stored ones, or the configuration file's (version 0). The
 * server serves these, not the file's, wherever clients read the SLA configuration.
 */
export async function readSlaSettings(
  db: Kysely<Database>,
  fallback: SlaConfig,
): Promise<SlaSettings> {
  const row = await withSettings(db)
    .selectFrom('settings')
    .selectAll()
    .where('key', '=', slaSettingsKey)
    .executeTakeFirst();
  if (!row) return { sla: fallback, version: 0, updatedBy: null, updatedAt: null };
  return {
    sla: slaConfigSchema.parse(JSON.parse(row.value)),
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Why a change was not written. */
export type SlaSettingsWriteResult =
  | { ok: true; settings: SlaSettings }
  | { ok: false; reason: 'staleVersion'; current: SlaSettings };

/**
 * Writes new SLA settings if `baseVersion` is the current version, with an audit row, in one
 * transaction under the write lock (so two team leaders' changes are ordered, not lost).
 */
export async function writeSlaSettings(
  db: Kysely<Database>,
  fallback: SlaConfig,
  change: { sla: SlaConfig; baseVersion: number; userId: string; deviceId: string; at: Date },
  /**
   * Runs inside the transaction after the write (the live-event notice, so that it is sent
   * exactly when the change commits).
   */
  alsoInTransaction?: (trx: Transaction<Database>, settings: SlaSettings) => Promise<void>,
): Promise<SlaSettingsWriteResult> {
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const current = await readSlaSettings(trx, fallback);
    if (current.version !== change.baseVersion)
      return { ok: false, reason: 'staleVersion', current };
    const version = current.version + 1;
    const at = change.at.toISOString();
    const value = JSON.stringify(change.sla);
    const t = (trx as Transaction<Database>).withTables<SettingsTables>();
    if (current.version === 0) {
      await t
        .insertInto('settings')
        .values({ key: slaSettingsKey, value, version, updated_by: change.userId, updated_at: at })
        .execute();
    } else {
      await t
        .updateTable('settings')
        .set({ value, version, updated_by: change.userId, updated_at: at })
        .where('key', '=', slaSettingsKey)
        .execute();
    }
    await t
      .insertInto('settings_audit')
      .values({
        id: randomUUID(),
        key: slaSettingsKey,
        version,
        changed_by: change.userId,
        changed_at: at,
        device_id: change.deviceId,
        old_value: JSON.stringify(current.sla),
        new_value: value,
      })
      .execute();
    const settings = { sla: change.sla, version, updatedBy: change.userId, updatedAt: at };
    await alsoInTransaction?.(trx, settings);
    return { ok: true, settings };
  });
}

/** The audit trail of the SLA settings, newest first. */
export async function slaSettingsAudit(
  db: Kysely<Database>,
  limit = 100,
): Promise<SlaSettingsAuditEntry[]> {
  const rows = await withSettings(db)
    .selectFrom('settings_audit')
    .selectAll()
    .where('key', '=', slaSettingsKey)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) =>
    slaSettingsAuditEntrySchema.parse({
      id: r.id,
      version: Number(r.version),
      changedBy: r.changed_by,
      changedAt: r.changed_at,
      deviceId: r.device_id,
      old: JSON.parse(r.old_value),
      new: JSON.parse(r.new_value),
    }),
  );
}
