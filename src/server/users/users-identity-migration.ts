/**
 * Migration 007: where an account comes from and how to reach its person. Accounts made by
 * single sign-on (OpenID Connect) or provisioned by SCIM are tied to their provider's id for
 * the person (`provider_id` + `external_id`, unique together); `email` is where mail goes;
 * `locale` the language the person reads. An account without a local password keeps
 * `password_hash` empty (the column stays NOT NULL: SQLite cannot relax it in place).
 * Portable types only (text, integer); never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v007UsersIdentity: Migration = {
  async up(db: AnyDb) {
    const columns: [string, 'text' | 'integer', string | null][] = [
      ['email', 'text', null],
      ['source', 'text', 'local'],
      ['provider_id', 'text', null],
      ['external_id', 'text', null],
      ['locale', 'text', null],
      ['last_sign_in_at', 'text', null],
      ['password_changed_at', 'text', null],
      ['totp_secret', 'text', null],
      ['updated_at', 'text', null],
    ];
    for (const [name, type, fallback] of columns) {
      await db.schema
        .alterTable('users')
        .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
        .execute();
    }
    await db.schema
      .createIndex('users_provider_external')
      .unique()
      .on('users')
      .columns(['provider_id', 'external_id'])
      .execute();
    await db.schema.createIndex('users_email').on('users').column('email').execute();
  },
};
