/**
 * The per-field conflict decision of the write path, bound to the database: the decision
 * itself is core's (`decideFieldConflicts`); this only looks up who wrote each field at stake.
 */

import type { CaseRecord, ConflictField } from '@core/case';
import {
  decideFieldConflicts,
  type FieldConflictDecision,
  type FieldWriter,
  fieldsAtStake,
  type Mutation,
} from '@core/sync';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Who wrote each of `fields` last, from the events at the case's field versions. */
async function fieldWriters(
  trx: Transaction<Database>,
  current: CaseRecord,
  fields: readonly ConflictField[],
): Promise<Map<ConflictField, FieldWriter>> {
  const seqs = fields.map((f) => current.fieldVersions[f] ?? 0).filter((s) => s > 0);
  const rows = seqs.length
    ? await trx
        .selectFrom('case_events')
        .select(['seq', 'actor_id', 'device_id', 'at'])
        .where('seq', 'in', seqs)
        .execute()
    : [];
  const writers = new Map<ConflictField, FieldWriter>();
  for (const field of fields) {
    const row = rows.find((r) => Number(r.seq) === current.fieldVersions[field]);
    if (row) writers.set(field, { actorId: row.actor_id, deviceId: row.device_id, at: row.at });
  }
  return writers;
}

/** Decides `mutation`, pushed by `actorId` from `deviceId`, against the stored case. */
export async function decideConflicts(
  trx: Transaction<Database>,
  current: CaseRecord | null,
  mutation: Mutation,
  actorId: string,
  deviceId: string,
): Promise<FieldConflictDecision> {
  const atStake = fieldsAtStake(current, mutation);
  const writers =
    current && atStake.length > 0 ? await fieldWriters(trx, current, atStake) : new Map();
  return decideFieldConflicts(current, mutation, { actorId, deviceId }, writers);
}
