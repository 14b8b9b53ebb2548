/**
 * The durable scheduler: fires due timers (rows in `timers`) exactly once across any number
 * of server processes on one database.
 *
 * Two steps. (1) Claim: one short transaction marks a batch of due rows `firing` with this
 * process's id and a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two processes claim
 * different rows without waiting; SQLite: the database's single write lock serialises it).
 * (2) Fire: per timer, a write transaction (the same write lock as every case change) flips
 * the row to `fired` only if this process still holds the claim, and runs the handler's
 * effects (log rows, outbox rows, next timers) in that same transaction. So the effects commit
 * exactly when the timer is marked fired; a process killed after claiming leaves a `firing`
 * row whose lease runs out, and another process claims and fires it — once.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, TimersTable } from '../db/schema';
import { writeTransaction } from '../db/write-lock';
import type { ServerContext } from '../server-context';

export interface FiredTimer {
  id: string;
  key: string;
  kind: string;
  caseId: string | null;
  dueAt: Date;
  payload: unknown;
}

/** Runs a due timer's effects inside the fire transaction (holding the write lock). */
export type TimerHandler = (
  trx: Transaction<Database>,
  timer: FiredTimer,
  now: Date,
) => Promise<void>;

export interface SchedulerOptions {
  /** Milliseconds between polls for due timers. */
  pollMs?: number;
  /** How long a claim is held before another process may take the timer over. */
  leaseMs?: number;
  /** Timers claimed per poll. */
  batch?: number;
  /** This process's id (logs and claims). */
  processId?: string;
  /** Called after a tick that fired timers (paging nudges the outbox dispatcher). */
  onFired?: (count: number) => void;
}

export interface Scheduler {
  readonly processId: string;
  register(kind: string, handler: TimerHandler): void;
  /** Claims and fires what is due now; resolves with the number fired. */
  tick(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** Asks for a tick soon (after a commit that set a timer due now). */
  poke(): void;
}

export function createScheduler(ctx: ServerContext, options: SchedulerOptions = {}): Scheduler {
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 30_000;
  const batch = options.batch ?? 50;
  const processId = options.processId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, TimerHandler>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  let again = false;

  async function claim(now: Date): Promise<TimersTable[]> {
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      let q = trx
        .selectFrom('timers')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('due_at', '<=', nowIso)]),
            eb.and([eb('state', '=', 'firing'), eb('claim_until', '<', nowIso)]),
          ]),
        )
        .orderBy('due_at')
        .limit(batch);
      if (ctx.handle.engine === 'postgres') q = q.forUpdate().skipLocked();
      const ids = (await q.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      return trx
        .updateTable('timers')
        .set({ state: 'firing', claimed_by: processId, claim_until: until })
        .where('id', 'in', ids)
        .returningAll()
        .execute();
    });
  }

  async function fire(row: TimersTable): Promise<boolean> {
    const handler = handlers.get(row.kind);
    return writeTransaction(ctx.db, async (trx) => {
      const now = ctx.now();
      const mine = await trx
        .updateTable('timers')
        .set({ state: 'fired', fired_at: now.toISOString(), fired_by: processId })
        .where('id', '=', row.id)
        .where('state', '=', 'firing')
        .where('claimed_by', '=', processId)
        .executeTakeFirst();
      if (Number(mine.numUpdatedRows) !== 1) return false;
      if (handler) {
        await handler(
          trx,
          {
            id: row.id,
            key: row.key,
            kind: row.kind,
            caseId: row.case_id,
            dueAt: new Date(row.due_at),
            payload: JSON.parse(row.payload),
          },
          now,
        );
      } else {
        console.error(`scheduler: no handler for timer kind ${row.kind} (${row.key})`);
      }
      return true;
    });
  }

  async function tickOnce(): Promise<number> {
    let fired = 0;
    for (;;) {
      const rows = await claim(ctx.now());
      for (const row of rows) {
        try {
          if (await fire(row)) fired++;
        } catch (error) {
          // Leave it `firing`: the lease runs out and it is tried again.
          console.error(`scheduler: timer ${row.key} failed:`, (error as Error).message);
        }
      }
      if (rows.length < batch) {
        if (fired > 0) options.onFired?.(fired);
        return fired;
      }
    }
  }

  function tick(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = tickOnce().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void tick();
      }
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: Error) => console.error('scheduler tick failed:', error.message))
        .finally(schedule);
    }, pollMs);
    timer.unref?.();
  }

  return {
    processId,
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => 0);
    },
    poke() {
      if (!stopped) void tick().catch(() => 0);
    },
  };
}

/** Timers still pending or firing (for tests and /metrics). */
export async function pendingTimerCount(ctx: ServerContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('timers')
    .select(sql<number>`count(*)`.as('n'))
    .where('state', 'in', ['pending', 'firing'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
