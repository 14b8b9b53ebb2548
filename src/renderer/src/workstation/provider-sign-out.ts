import { createApiClient, providerSignOut } from '@web/api/index';
import type { ActiveSession } from './session-api';

/**
 * Signing out of a session made by single sign-on ends it at Saksbord; the provider's own
 * sign-out (its end_session_endpoint) is then offered on the sign-in screen, since the person
 * may still be signed in there (a shared PC).
 */

const offerKey = 'saksbord.sso.providerSignOut';

/** Before signing out: asks the server for the provider's sign-out, kept for the offer. */
export async function rememberProviderSignOut(session: ActiveSession): Promise<void> {
  const api = createApiClient({ baseUrl: session.serverUrl, getToken: () => session.row.token });
  const offer = await providerSignOut(api, globalThis.location?.pathname ?? '/');
  if (offer) sessionStorage.setItem(offerKey, JSON.stringify(offer));
}

/** The provider's sign-out to offer on the sign-in screen; once. */
export function takeProviderSignOut(): { url: string; providerName: string } | null {
  const raw = sessionStorage.getItem(offerKey);
  sessionStorage.removeItem(offerKey);
  try {
    return raw ? (JSON.parse(raw) as { url: string; providerName: string }) : null;
  } catch {
    return null;
  }
}
