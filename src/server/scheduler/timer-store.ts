/**
 * Timers as rows: set, move and cancel them inside the caller's transaction, so a timer is
 * written together with the change that caused it (a case became critical: its escalation
 * timer commits with the event, or not at all).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface TimerSpec {
  /** Unique per purpose; setting a key again moves the pending timer. */
  key: string;
  kind: string;
  caseId: string | null;
  dueAt: Date | number;
  payload: unknown;
}

const iso = (at: Date | number) => new Date(at).toISOString();

/**
 * Sets (or moves) a pending timer. A timer that already fired under this key stays fired:
 * recomputing never makes a warning or a page go out twice.
 */
export async function setTimer(db: Db, spec: TimerSpec, now: Date): Promise<void> {
  await db
    .insertInto('timers')
    .values({
      id: randomUUID(),
      key: spec.key,
      kind: spec.kind,
      case_id: spec.caseId,
      due_at: iso(spec.dueAt),
      payload: JSON.stringify(spec.payload),
      state: 'pending',
      claimed_by: null,
      claim_until: null,
      fired_at: null,
      fired_by: null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          due_at: eb.ref('excluded.due_at'),
          payload: eb.ref('excluded.payload'),
          state: eb.ref('excluded.state'),
        }))
        .where('timers.state', 'in', ['pending', 'cancelled']),
    )
    .execute();
}

/** Many timers at once (the bulk recompute after a target change), in chunks. */
export async function setTimers(db: Db, specs: readonly TimerSpec[], now: Date): Promise<void> {
  const chunk = 200;
  for (let i = 0; i < specs.length; i += chunk) {
    const values = specs.slice(i, i + chunk).map((spec) => ({
      id: randomUUID(),
      key: spec.key,
      kind: spec.kind,
      case_id: spec.caseId,
      due_at: iso(spec.dueAt),
      payload: JSON.stringify(spec.payload),
      state: 'pending',
      claimed_by: null,
      claim_until: null,
      fired_at: null,
      fired_by: null,
      created_at: now.toISOString(),
    }));
    await db
      .insertInto('timers')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({
            due_at: eb.ref('excluded.due_at'),
            payload: eb.ref('excluded.payload'),
            state: eb.ref('excluded.state'),
          }))
          .where('timers.state', 'in', ['pending', 'cancelled']),
      )
      .execute();
  }
}

/** Cancels the pending timers of a case whose key starts with `prefix`. */
export async function cancelTimers(
  db: Db,
  caseId: string,
  prefix: string,
  exceptKeys: readonly string[] = [],
): Promise<void> {
  let q = db
    .updateTable('timers')
    .set({ state: 'cancelled' })
    .where('case_id', '=', caseId)
    .where('state', '=', 'pending')
    .where('key', 'like', `${prefix}%`);
  if (exceptKeys.length > 0) q = q.where('key', 'not in', exceptKeys);
  await q.execute();
}
