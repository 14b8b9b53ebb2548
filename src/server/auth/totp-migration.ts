/**
 * Migration 016b: the time step of the last accepted TOTP code per account, so a code once
 * used (seen over a shoulder, replayed by malware) is refused within its window of validity
 * (RFC 6238 §5.2). Portable types only; never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v016bTotpLastStep: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  },
};
