/**
 * Migration 015: single sign-on state kept on the server (never in the browser).
 *
 * `oidc_logins`: one row per sign-in under way, keyed by the `state` sent to the provider,
 * with the nonce and PKCE verifier used towards the provider, the redirect URI, where the app
 * wants to come back to, and the app's own PKCE challenge. The callback consumes the row
 * (a second use of the same state — a replayed callback — finds nothing); on success the row
 * carries the SHA-256 of a one-time hand-off code that the app trades, with its PKCE
 * verifier, for an ordinary Saksbord session. Rows live minutes.
 *
 * `oidc_sessions`: for a session made by single sign-on, which provider made it and the ID
 * token to hint the provider's sign-out with (end_session_endpoint).
 *
 * Portable types only (text); never edited once shipped.
 */
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export const v015Oidc: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('oidc_logins')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('app_challenge', 'text', (c) => c.notNull())
      .addColumn('app_state', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('consumed_at', 'text')
      .addColumn('handoff_hash', 'text', (c) => c.unique())
      .addColumn('user_id', 'text')
      .addColumn('id_token', 'text')
      .execute();
    await db.schema
      .createIndex('oidc_logins_expires')
      .on('oidc_logins')
      .column('expires_at')
      .execute();
    await db.schema
      .createTable('oidc_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('id_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** `oidc_logins` as stored (see the migration). */
export interface OidcLoginsTable {
  state: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string;
  app_challenge: string;
  app_state: string | null;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
  handoff_hash: string | null;
  user_id: string | null;
  id_token: string | null;
}

/** `oidc_sessions` as stored. */
export interface OidcSessionsTable {
  token_hash: string;
  provider_id: string;
  id_token: string;
  expires_at: string;
}
