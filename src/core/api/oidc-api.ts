import { z } from 'zod';
import { signInResponseSchema } from './account-api';
import { defineRoute } from './api-route';

/**
 * Single sign-on with the municipalities' identity providers (OpenID Connect). The server is
 * the OpenID client (authorization code + PKCE + state + nonce towards the provider); the
 * apps never see the provider's tokens. An app signs in in three steps:
 *
 * 1. `POST /auth/oidc/{id}/start` with where to come back (`returnTo`: a path on this server,
 *    or a loopback `http://127.0.0.1:<port>/…` for the desktop app, RFC 8252) and the S256
 *    challenge of a PKCE verifier the app keeps → the provider's authorization URL, which
 *    the app opens (same tab on the web; the system browser from the desktop app).
 * 2. The provider sends the browser to `GET /auth/oidc/{id}/callback` (the redirect URI to
 *    register: `<server origin>/api/v1/auth/oidc/<id>/callback`). The server checks state,
 *    trades the code, validates the ID token (issuer, audience, signature, expiry, nonce),
 *    creates or updates the account, and redirects to `returnTo` with `?sso=<hand-off code>`
 *    (or `?ssoError=<reason>`), plus `&state=<appState>` when the app gave one.
 * 3. `POST /auth/oidc/exchange` with the hand-off code and the PKCE verifier → the same
 *    session a password sign-in gives. The code is single-use and lives two minutes; without
 *    the verifier it is worth nothing, so a copy in a URL or a log is harmless.
 */

export const identityProviderSummarySchema = z.object({
  id: z.string(),
  /** The button's text, e.g. "Molde kommune". */
  name: z.string(),
  municipalities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type IdentityProviderSummary = z.infer<typeof identityProviderSummarySchema>;

export const identityProviderListSchema = z.object({
  providers: z.array(identityProviderSummarySchema),
});

/** Why a single sign-on came back without a session (`?ssoError=`), for the app's message. */
export const ssoErrorReasons = [
  /** The provider said no, or the person cancelled there. */
  'providerRefused',
  /** The answer or its ID token did not pass the checks (tampered, expired, wrong audience…). */
  'invalidResponse',
  /** The person's tenant or organisation is not one of the configured municipalities. */
  'unknownTenant',
  /** The account is disabled here. */
  'disabled',
  /** The sign-in took too long (over ten minutes at the provider). */
  'expired',
  /** The provider did not answer the server. */
  'unavailable',
] as const;
export const ssoErrorSchema = z.enum(ssoErrorReasons);
export type SsoError = z.infer<typeof ssoErrorSchema>;

const pkceChallenge = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the base64url SHA-256 of a PKCE verifier (S256)');

export const startSsoRequestSchema = z.object({
  /** A path on this server (`/portal/`, `/`), or a loopback URL of the desktop app. */
  returnTo: z.string().trim().min(1).max(2_000),
  /** S256 challenge of the app's PKCE verifier. */
  codeChallenge: pkceChallenge,
  /** Echoed back as `state` on the return (the desktop app's own check). */
  appState: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16-128 base64url characters')
    .optional(),
});

export const startSsoResponseSchema = z.object({ authorizationUrl: z.url() });

export const ssoExchangeRequestSchema = z.object({
  handoff: z.string().min(20).max(200),
  codeVerifier: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be a PKCE code verifier (RFC 7636)'),
  deviceId: z.string().trim().min(1).max(200).default('web'),
});

export const ssoExchangeResponseSchema = signInResponseSchema.extend({
  /** The provider that signed the person in. */
  providerId: z.string(),
});

export const ssoSignOutQuerySchema = z.object({
  /** Where the provider should send the browser after its sign-out (a path on this server). */
  returnTo: z.string().max(2_000).optional(),
});

export const ssoSignOutResponseSchema = z.object({
  /** The provider's sign-out page (end_session_endpoint), or null (password session, or none). */
  url: z.url().nullable(),
  providerName: z.string().nullable(),
});

export const listIdentityProviders = defineRoute({
  id: 'listIdentityProviders',
  method: 'get',
  path: '/api/v1/auth/providers',
  summary: 'The identity providers one may sign in with, and the municipalities each covers',
  tag: 'auth',
  access: 'public',
  responses: { 200: { description: 'Providers', schema: identityProviderListSchema } },
  problems: {},
});

export const startSsoSignIn = defineRoute({
  id: 'startSsoSignIn',
  method: 'post',
  path: '/api/v1/auth/oidc/{id}/start',
  summary:
    'Begin single sign-on with a provider: its authorization URL (code + PKCE + state + nonce)',
  tag: 'auth',
  access: 'public',
  params: z.object({ id: z.string() }),
  body: startSsoRequestSchema,
  responses: { 200: { description: 'Open this URL', schema: startSsoResponseSchema } },
  problems: {
    400: 'Bad input, or a returnTo that is neither a path here nor a loopback URL',
    404: 'No such provider',
    503: 'The provider does not answer; password sign-in still works',
  },
});

export const ssoCallback = defineRoute({
  id: 'ssoCallback',
  method: 'get',
  path: '/api/v1/auth/oidc/{id}/callback',
  summary:
    'The redirect URI registered at the provider: checks the answer and sends the browser back to the app',
  tag: 'auth',
  access: 'public',
  params: z.object({ id: z.string() }),
  // The provider's parameters (code, state, iss, error, …) are read from the URL as a whole.
  query: z.looseObject({ state: z.string().max(500).optional() }),
  responses: {
    302: { description: 'Back to the app with ?sso= or ?ssoError=', schema: null },
  },
  problems: { 400: 'No sign-in under way with this state (unknown, used or replayed)' },
});

export const exchangeSsoHandoff = defineRoute({
  id: 'exchangeSsoHandoff',
  method: 'post',
  path: '/api/v1/auth/oidc/exchange',
  summary: 'Trade the one-time hand-off code and the PKCE verifier for a session',
  tag: 'auth',
  access: 'public',
  body: ssoExchangeRequestSchema,
  responses: { 200: { description: 'Signed in', schema: ssoExchangeResponseSchema } },
  problems: {
    400: 'Bad input',
    401: 'Unknown, used or expired code, or the verifier does not match',
  },
});

export const ssoSignOutUrl = defineRoute({
  id: 'ssoSignOutUrl',
  method: 'get',
  path: '/api/v1/auth/oidc/sign-out-url',
  summary: "The provider's sign-out page for this session, to offer after signing out here",
  tag: 'auth',
  access: 'signedIn',
  query: ssoSignOutQuerySchema,
  responses: { 200: { description: 'The URL, or null', schema: ssoSignOutResponseSchema } },
  problems: { 401: 'Not signed in' },
});

export const oidcRoutes = [
  listIdentityProviders,
  startSsoSignIn,
  ssoCallback,
  exchangeSsoHandoff,
  ssoSignOutUrl,
] as const;
