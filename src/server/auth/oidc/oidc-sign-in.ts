/**
 * Single sign-on, the server's side (see src/core/api/oidc-api.ts for the three steps).
 *
 * Towards the provider the server is a confidential OpenID client using the authorization
 * code flow with PKCE (S256), `state` and `nonce`; `openid-client` validates the ID token's
 * issuer, audience, signature, expiry and nonce. Everything a sign-in under way needs is kept
 * server-side in `oidc_logins` (migration 015), never in the browser: the `state` is the key,
 * and the callback consumes the row in one conditional update, so a replayed callback (the
 * same code and state again) finds nothing and is refused. Refusals are logged and audited
 * with the reason — never with a token or a code.
 *
 * Towards the app, the result is a one-time hand-off code bound to the app's own PKCE
 * challenge (RFC 8252 for the desktop app's loopback redirect; the same for web pages), traded
 * for an ordinary Saksbord session.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { SignInResponse, SsoError } from '@core/api';
import { type IdentityProviderConfig, identityFromClaims, oidcCallbackPath } from '@core/config';
import * as oidc from 'openid-client';
import { recordAudit, systemActor } from '../../audit/audit-log';
import { HttpProblem, notFound, unauthorized } from '../../http/problem';
import type { ServerContext } from '../../server-context';
import { provisionSsoUser } from '../../users/sso-provisioning';
import { findUserById, publicUser } from '../../users/user-store';
import { createSession, defaultSessionIdleMs } from '../session-store';
import { hashToken, newToken } from '../tokens';
import { type OidcProviders, ProviderUnavailable } from './oidc-clients';
import { allowedReturnTo, returnUrl } from './return-to';

/** How long a person may spend at the provider. */
export const loginTtlMs = 10 * 60_000;
/** How long the app has to trade its hand-off code. */
export const handoffTtlMs = 2 * 60_000;

const jwtLike = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/** An error's message fit for a log: anything shaped like a JWT is cut out. */
export function redacted(message: string): string {
  return message.replace(jwtLike, '[token]');
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SsoStartInput {
  returnTo: string;
  codeChallenge: string;
  appState?: string;
}

export interface SsoExchangeInput {
  handoff: string;
  codeVerifier: string;
  deviceId: string;
}

export class OidcSignIn {
  constructor(
    private readonly ctx: ServerContext,
    readonly providers: OidcProviders,
  ) {}

  private provider(id: string): IdentityProviderConfig {
    const provider = this.providers.get(id);
    if (!provider) throw notFound(`no identity provider "${id}"`);
    return provider;
  }

  /** Step 1: the provider's authorization URL for a new sign-in. */
  async start(providerId: string, input: SsoStartInput, origin: string): Promise<string> {
    const provider = this.provider(providerId);
    const back = allowedReturnTo(input.returnTo, origin);
    if (!back) {
      throw new HttpProblem(
        400,
        'Bad request',
        'returnTo must be a path on this server or a loopback URL with a port',
        {
          errors: [{ path: 'body.returnTo', message: 'not an allowed return address' }],
        },
      );
    }
    let config: oidc.Configuration;
    try {
      config = await this.providers.configuration(provider);
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      console.warn(`oidc: ${provider.id} unavailable: ${redacted(error.message)}`);
      throw new HttpProblem(
        503,
        'Service unavailable',
        `${provider.name} does not answer just now; try again later, or sign in with a password`,
        { headers: { 'retry-after': '30' } },
      );
    }
    const now = this.ctx.now();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const redirectUri = new URL(oidcCallbackPath(provider.id), origin).toString();
    await this.ctx.db
      .deleteFrom('oidc_logins')
      .where('expires_at', '<=', now.toISOString())
      .execute();
    await this.ctx.db
      .insertInto('oidc_logins')
      .values({
        state,
        provider_id: provider.id,
        nonce,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        return_to: back.toString(),
        app_challenge: input.codeChallenge,
        app_state: input.appState ?? null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + loginTtlMs).toISOString(),
        consumed_at: null,
        handoff_hash: null,
        user_id: null,
        id_token: null,
      })
      .execute();
    return oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: provider.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /**
   * Step 2: the provider's answer. Returns where to send the browser: back to the app with a
   * hand-off code or an error reason. Throws a 400 when no sign-in is under way with the state.
   */
  async callback(providerId: string, incoming: URL, address: string | null): Promise<string> {
    const provider = this.provider(providerId);
    const state = incoming.searchParams.get('state');
    const now = this.ctx.now();
    const claimed =
      state === null
        ? undefined
        : await this.ctx.db
            .updateTable('oidc_logins')
            .set({ consumed_at: now.toISOString() })
            .where('state', '=', state)
            .where('provider_id', '=', provider.id)
            .where('consumed_at', 'is', null)
            .executeTakeFirst();
    if (!claimed || Number(claimed.numUpdatedRows) !== 1 || state === null) {
      await this.refused(provider, 'unknownState', 'no sign-in under way with this state', address);
      throw new HttpProblem(
        400,
        'Bad request',
        'no sign-in is under way with this state (unknown, already used, or replayed); start again',
      );
    }
    const login = await this.ctx.db
      .selectFrom('oidc_logins')
      .selectAll()
      .where('state', '=', state)
      .executeTakeFirstOrThrow();
    const back = (params: { sso?: string; ssoError?: SsoError }) =>
      returnUrl(login.return_to, {
        sso: params.sso ?? null,
        ssoError: params.ssoError ?? null,
        state: login.app_state,
      });
    const fail = async (reason: SsoError, why: string, details: Record<string, unknown> = {}) => {
      await this.refused(provider, reason, why, address, details);
      await this.ctx.db.deleteFrom('oidc_logins').where('state', '=', state).execute();
      return back({ ssoError: reason });
    };

    if (login.expires_at <= now.toISOString()) return fail('expired', 'the sign-in took too long');
    const providerError = incoming.searchParams.get('error');
    if (providerError !== null) {
      return fail('providerRefused', `the provider answered ${providerError}`, {
        error: providerError.slice(0, 100),
      });
    }

    let config: oidc.Configuration;
    try {
      config = await this.providers.configuration(provider);
    } catch (error) {
      return fail('unavailable', error instanceof Error ? error.message : String(error));
    }
    // The redirect URI as sent in step 1 (a proxy in front may have changed the host we see).
    const answer = new URL(login.redirect_uri);
    answer.search = incoming.search;
    let idToken: string;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const verified = tokens.claims();
      if (!tokens.id_token || !verified) throw new Error('no ID token in the answer');
      idToken = tokens.id_token;
      claims = verified as Record<string, unknown>;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail('invalidResponse', why);
    }

    const mapped = identityFromClaims(provider, claims);
    if (!mapped.ok) {
      if (mapped.reason === 'subjectMissing') return fail('invalidResponse', 'no subject claim');
      return fail('unknownTenant', `claim ${mapped.claim} names no configured municipality`, {
        claim: mapped.claim,
        ...(mapped.reason === 'tenantUnknown' ? { value: mapped.value.slice(0, 100) } : {}),
      });
    }
    const provision = () =>
      provisionSsoUser(this.ctx.db, provider, mapped.identity, { now, address });
    // Two first sign-ins of one person at once: the second insert meets the unique
    // (provider, subject) index; tried again, it finds the account the first one made.
    const outcome = await provision().catch(provision);
    if (!outcome.ok) {
      console.warn(
        `oidc: sign-in through ${provider.id} refused (disabled): user ${outcome.userId}`,
      );
      await this.ctx.db.deleteFrom('oidc_logins').where('state', '=', state).execute();
      return back({ ssoError: 'disabled' });
    }
    const handoff = newToken();
    await this.ctx.db
      .updateTable('oidc_logins')
      .set({
        handoff_hash: hashToken(handoff),
        user_id: outcome.user.id,
        id_token: idToken,
        expires_at: new Date(now.getTime() + handoffTtlMs).toISOString(),
      })
      .where('state', '=', state)
      .execute();
    return back({ sso: handoff });
  }

  /** Step 3: the hand-off code and the app's PKCE verifier → a session. */
  async exchange(input: SsoExchangeInput): Promise<SignInResponse & { providerId: string }> {
    const now = this.ctx.now();
    // Deleted as it is read: a code is good once.
    const row = await this.ctx.db
      .deleteFrom('oidc_logins')
      .where('handoff_hash', '=', hashToken(input.handoff))
      .returningAll()
      .executeTakeFirst();
    const refuse = () =>
      unauthorized('the sign-in code is unknown, used or expired, or the verifier does not match');
    if (!row?.user_id || !row.id_token || row.expires_at <= now.toISOString()) throw refuse();
    if (!sameText(s256(input.codeVerifier), row.app_challenge)) throw refuse();
    const user = await findUserById(this.ctx.db, row.user_id);
    if (!user || user.disabled) throw refuse();
    const session = await createSession(
      this.ctx.db,
      user.id,
      input.deviceId,
      now,
      this.ctx.options.sessionTtlMs,
      this.ctx.options.sessionIdleMs ?? defaultSessionIdleMs,
    );
    await this.ctx.db
      .deleteFrom('oidc_sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', now.toISOString()),
          eb('token_hash', 'not in', eb.selectFrom('sessions').select('token_hash')),
        ]),
      )
      .execute();
    await this.ctx.db
      .insertInto('oidc_sessions')
      .values({
        token_hash: hashToken(session.token),
        provider_id: row.provider_id,
        id_token: row.id_token,
        expires_at: session.expiresAt,
      })
      .execute();
    return { ...session, user: publicUser(user), providerId: row.provider_id };
  }

  /** The provider's sign-out page for a session made by single sign-on, if it has one. */
  async signOutUrl(
    tokenHash: string,
    returnTo: string | undefined,
    origin: string,
  ): Promise<{ url: string | null; providerName: string | null }> {
    const row = await this.ctx.db
      .selectFrom('oidc_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    const provider = row && this.providers.get(row.provider_id);
    if (!row || !provider) return { url: null, providerName: null };
    let config: oidc.Configuration;
    try {
      config = await this.providers.configuration(provider);
    } catch {
      return { url: null, providerName: provider.name };
    }
    if (!config.serverMetadata().end_session_endpoint) {
      return { url: null, providerName: provider.name };
    }
    const back = returnTo ? allowedReturnTo(returnTo, origin) : null;
    const url = oidc.buildEndSessionUrl(config, {
      id_token_hint: row.id_token,
      client_id: provider.clientId,
      ...(back && back.origin === new URL(origin).origin
        ? { post_logout_redirect_uri: back.toString() }
        : {}),
    });
    return { url: url.toString(), providerName: provider.name };
  }

  /** Logs and audits a refused sign-in: the reason, never a token or a code. */
  private async refused(
    provider: IdentityProviderConfig,
    reason: string,
    why: string,
    address: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const message = redacted(why);
    console.warn(`oidc: sign-in through ${provider.id} refused (${reason}): ${message}`);
    await recordAudit(
      this.ctx.db,
      {
        actor: { ...systemActor(`single sign-on (${provider.name})`), address },
        action: 'signIn.refused',
        targetType: 'identityProvider',
        targetId: provider.id,
        summary: `Single sign-on through ${provider.name} refused: ${reason}`,
        details: { provider: provider.id, reason, message, ...details },
      },
      this.ctx.now(),
    );
  }
}
