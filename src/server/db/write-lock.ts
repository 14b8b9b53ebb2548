/**
 * Serialising writers, so that commit order equals sequence order.
 *
 * Clients pull "events after cursor N". If two transactions could take seq 7 and 8 and
 * commit 8 first, a client pulling between the commits would see 8, move its cursor to 8,
 * and never see 7. So every write transaction starts by taking the write lock: an UPDATE of
 * the `seq` counter row. On PostgreSQL the row lock is held until commit, so the next writer
 * (in this or any other server process) waits, and only then allocates its sequence; on
 * SQLite the first write takes the database's single write lock (and, being a write rather
 * than a read, waits with busy_timeout instead of failing on a stale snapshot).
 * Within one process Kysely's SQLite driver already runs one transaction at a time.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema';

export async function takeWriteLock(trx: Transaction<Database>): Promise<void> {
  await trx.updateTable('counters').set({ value: sql`value` }).where('name', '=', 'seq').execute();
}

/** Next number of a named counter; call inside a write transaction after takeWriteLock. */
export async function nextCounter(trx: Transaction<Database>, name: string): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The newest committed sequence number. */
export async function headSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'seq')
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * Runs `work` in a transaction holding the write lock. When the work fails, its error is the
 * one thrown: SQLite ends a transaction by itself on some errors (a full disk, SQLITE_FULL),
 * and the rollback that follows then fails with "cannot rollback - no transaction is active",
 * which would otherwise hide the cause from the log and the caller.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  let failure: { error: unknown } | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      try {
        await takeWriteLock(trx);
        return await work(trx);
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch (error) {
    if (failure && error !== failure.error) throw failure.error;
    throw error;
  }
}
