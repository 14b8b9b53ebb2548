import {
  exchangeSsoHandoff,
  type IdentityProviderSummary,
  listIdentityProviders,
  type SsoError,
  ssoErrorSchema,
  ssoSignOutUrl,
  startSsoSignIn,
} from '@core/api';
import type { ApiClient } from './api-client';

/**
 * Single sign-on from a web page (the portal, the workstation in a browser): the page keeps a
 * PKCE verifier in this tab's sessionStorage, asks the server for the provider's address, goes
 * there, and on its return (`?sso=<code>` or `?ssoError=<reason>`) trades the code and the
 * verifier for a session. The provider's tokens never reach the page. See src/core/api/oidc-api.ts.
 */

const verifierKey = 'saksbord.sso.verifier';
const providerKey = 'saksbord.sso.provider';

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A PKCE verifier (RFC 7636, 43 characters) and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/** The providers the server offers (none when it has none, or does not answer). */
export async function identityProviders(api: ApiClient): Promise<IdentityProviderSummary[]> {
  try {
    return (await api.call(listIdentityProviders, {})).providers;
  } catch {
    return [];
  }
}

/**
 * Starts a sign-in: resolves with the provider's address for the page to go to. Rejects with
 * the ApiError (503: the provider does not answer) for the page to say so.
 */
export async function startSso(
  api: ApiClient,
  providerId: string,
  returnTo: string,
  storage: Storage = sessionStorage,
): Promise<string> {
  const { verifier, challenge } = await pkcePair();
  const { authorizationUrl } = await api.call(startSsoSignIn, {
    params: { id: providerId },
    body: { returnTo, codeChallenge: challenge },
  });
  storage.setItem(verifierKey, verifier);
  storage.setItem(providerKey, providerId);
  return authorizationUrl;
}

/** What the address says on the return from a provider, if anything. */
export type SsoReturn = { handoff: string } | { error: SsoError | 'failed' } | null;

export function ssoReturnOf(search: string): SsoReturn {
  const params = new URLSearchParams(search);
  const handoff = params.get('sso');
  if (handoff) return { handoff };
  const error = params.get('ssoError');
  if (error === null) return null;
  const known = ssoErrorSchema.safeParse(error);
  return { error: known.success ? known.data : 'failed' };
}

/** The page's address without the return's parameters (so a reload does not try again). */
export function withoutSsoParams(href: string): string {
  const url = new URL(href);
  for (const name of ['sso', 'ssoError', 'state']) url.searchParams.delete(name);
  return url.toString();
}

/** Trades the hand-off code for a session; the verifier is used once and forgotten. */
export async function completeSso(
  api: ApiClient,
  handoff: string,
  deviceId: string,
  storage: Storage = sessionStorage,
) {
  const codeVerifier = storage.getItem(verifierKey);
  storage.removeItem(verifierKey);
  storage.removeItem(providerKey);
  if (!codeVerifier) throw new Error('no sign-in was started in this tab');
  return api.call(exchangeSsoHandoff, { body: { handoff, codeVerifier, deviceId } });
}

/** The provider's sign-out page for the session (ask before signing out here), or null. */
export async function providerSignOut(
  api: ApiClient,
  returnTo: string,
): Promise<{ url: string; providerName: string } | null> {
  try {
    const answer = await api.call(ssoSignOutUrl, { query: { returnTo } });
    return answer.url && answer.providerName
      ? { url: answer.url, providerName: answer.providerName }
      : null;
  } catch {
    return null;
  }
}
