/**
 * Keeping every stored case's SLA facts true to the rules that derive them.
 *
 * A case record carries facts derived from its history by the core reducer (`slaTimeline`,
 * `firstResponseAt`). When those rules change (core's `slaFactsRevision` is raised), the facts
 * of cases stored under the old rules are wrong, and so is every figure computed from them.
 * At start, a server whose stored revision is older replays every case's events through
 * today's reducer, with each actor's role, and writes the corrected facts. It then raises the
 * replica epoch: pull pages carry it, and a client that pulled under an older epoch fetches
 * its cases again (see core/sync's `replicaDecision`), because records corrected here got no
 * new event and would otherwise never reach it.
 *
 * Idempotent and safe to repeat: a server killed half-way replays again at its next start
 * (the revision is written last); two servers starting at once compute the same facts.
 */

import { applyChange, type CaseRecord, slaFactsRevision } from '@core/case';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/write-lock';
import { actorRolesOf } from './actor-roles';
import { caseRow, eventOf, recordOf } from './case-rows';

export const slaFactsRevisionCounter = 'sla-facts-revision';
export const replicaEpochCounter = 'replica-epoch';

/** Cases replayed per transaction (bounded memory and lock time). */
const casesPerBatch = 500;

export interface SlaFactsRefresh {
  /** The revision the stored facts were derived under before this run. */
  from: number;
  /** Cases whose facts changed. */
  corrected: number;
}

async function counterValue(db: Kysely<Database>, name: string): Promise<number | null> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}

/** The replica epoch pull pages carry; 0 until facts were first corrected. */
export async function replicaEpoch(db: Kysely<Database>): Promise<number> {
  return (await counterValue(db, replicaEpochCounter)) ?? 0;
}

/**
 * Recomputes stored cases' SLA facts when they were derived under older rules; returns null
 * when they are current. A database without the counter predates it: revision 1.
 */
export async function refreshSlaFacts(db: Kysely<Database>): Promise<SlaFactsRefresh | null> {
  const from = (await counterValue(db, slaFactsRevisionCounter)) ?? 1;
  if (from >= slaFactsRevision) return null;
  let corrected = 0;
  let lastId = '';
  for (;;) {
    const done = await writeTransaction(db, async (trx) => {
      const rows = await trx
        .selectFrom('cases')
        .select(['id', 'record'])
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(casesPerBatch)
        .execute();
      if (rows.length === 0) return true;
      lastId = rows[rows.length - 1]!.id;
      const events = (
        await trx
          .selectFrom('case_events')
          .selectAll()
          .where(
            'case_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('seq')
          .execute()
      ).map(eventOf);
      const roles = await actorRolesOf(
        trx,
        events.map((e) => e.actorId),
      );
      const replayed = new Map<string, CaseRecord>();
      for (const e of events) {
        replayed.set(
          e.caseId,
          applyChange(replayed.get(e.caseId) ?? null, e.change, {
            caseId: e.caseId,
            at: e.at,
            actorId: e.actorId,
            actorRole: roles.get(e.actorId) ?? 'agent',
            seq: e.seq,
          }),
        );
      }
      for (const row of rows) {
        const stored = recordOf(row);
        const fresh = replayed.get(row.id);
        if (!fresh || !factsDiffer(stored, fresh)) continue;
        const record: CaseRecord = {
          ...stored,
          firstResponseAt: fresh.firstResponseAt,
          slaTimeline: fresh.slaTimeline,
        };
        const { id: _id, ...columns } = caseRow(record);
        await trx.updateTable('cases').set(columns).where('id', '=', row.id).execute();
        corrected++;
      }
      return false;
    });
    if (done) break;
  }
  await writeTransaction(db, async (trx) => {
    await setCounter(trx, slaFactsRevisionCounter, slaFactsRevision);
    // Only corrected records need clients to fetch again.
    if (corrected > 0) await setCounter(trx, replicaEpochCounter, (await replicaEpoch(trx)) + 1);
  });
  return { from, corrected };
}

async function setCounter(db: Kysely<Database>, name: string, value: number): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
    .execute();
}

function factsDiffer(a: CaseRecord, b: CaseRecord): boolean {
  return (
    a.firstResponseAt !== b.firstResponseAt ||
    JSON.stringify(a.slaTimeline) !== JSON.stringify(b.slaTimeline)
  );
}
