/**
 * Migration 014 (issue 18, hardening): what the write path needs to keep to answer honestly.
 * - `case_events.claimed_client_at`: the client's own clock when the server moved the time a
 *   change counts from (beyond the offline window, before the case's last change, ahead of the
 *   server) or it is far off, so the history can flag the skew (core `boundClientTime`).
 * - `mutations.body_hash`: SHA-256 of a mutation's case and change, so the same mutation id
 *   with another body is answered as a conflict instead of "applied" while it is dropped.
 *   Null for mutations stored before it (those are answered as before).
 * Portable types only (text), like every migration; never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v014Hardening: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('case_events').addColumn('claimed_client_at', 'text').execute();
    await db.schema.alterTable('mutations').addColumn('body_hash', 'text').execute();
    await db.schema
      .createIndex('sign_in_failures_key_at')
      .ifNotExists()
      .on('sign_in_failures')
      .columns(['key', 'at'])
      .execute();
  },
};
