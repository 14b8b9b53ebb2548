/**
 * Migration 011b: durable timers. A timer is a row with its due instant, not a setTimeout:
 * it survives a restart and is fired by whichever server process claims it (see
 * scheduler/scheduler.ts). `key` is unique per purpose (`page:<incident>:<step>`,
 * `sla:<case>:<clock>:<level>`), so recomputing a timer moves it instead of adding one.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v011bDurableTimers: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('timers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      /** ISO-8601 UTC (toISOString), so it sorts and compares as text. */
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      /** pending → firing (claimed, with a lease) → fired; or cancelled. */
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claim_until', 'text')
      .addColumn('fired_at', 'text')
      .addColumn('fired_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timers_due').on('timers').columns(['state', 'due_at']).execute();
    await db.schema.createIndex('timers_case').on('timers').columns(['case_id', 'state']).execute();
  },
};
