import type { IdentityProviderSummary, SsoError } from '@core/api/index';
import {
  ApiError,
  completeSso,
  createApiClient,
  identityProviders,
  ssoReturnOf,
  startSso,
  withoutSsoParams,
} from '@web/api/index';
import { ensureDesktopServer } from './desktop-settings';
import { deviceId } from './device-id';
import { type ActiveSession, rememberSession } from './session-api';

/**
 * Single sign-on for staff at the workstation (the municipality's or the service's own
 * identity provider). In a browser (web mode): by redirect, back to this page with a one-time
 * code traded for a session. In the desktop app: main opens the system browser and listens on
 * a loopback port (RFC 8252; src/main/loopback-sign-in.ts) — never a login page inside the
 * app. Either way the session is stored like a password sign-in's, so it is restored and works
 * offline on this device afterwards.
 */

const serverKey = 'saksbord.sso.server';

/** Why not; `notStaff`: a requester's account (the portal is theirs). */
export type WorkstationSsoFailure = SsoError | 'notStaff' | 'failed';

const client = (serverUrl: string, token: string | null = null) =>
  createApiClient({ baseUrl: serverUrl, getToken: () => token });

/** The providers the server at `serverUrl` offers (none if it offers none or does not answer). */
export function workstationProviders(serverUrl: string): Promise<IdentityProviderSummary[]> {
  return identityProviders(client(serverUrl));
}

/** The desktop bridge's single sign-on, when running in the desktop app. */
function desktopSso() {
  const api = globalThis.window?.api;
  return api?.isDesktop && api.signInWithProvider ? api.signInWithProvider : null;
}

/**
 * Begins a sign-in. Web: the page leaves for the provider (never resolves). Desktop: resolves
 * with the session when the person has signed in in the system browser. Resolves with a
 * failure reason when it could not.
 */
export async function beginWorkstationSso(
  serverUrl: string,
  providerId: string,
  now: () => Date,
): Promise<ActiveSession | WorkstationSsoFailure> {
  const desktop = desktopSso();
  if (desktop) {
    // Main signs in at the configured server: store this address there first (a reload).
    if (!(await ensureDesktopServer(serverUrl))) return new Promise(() => {});
    const result = await desktop({ providerId, deviceId: deviceId() }).catch(() => null);
    if (!result) return 'failed';
    if (!result.ok) return result.reason === 'cancelled' ? 'failed' : result.reason;
    return rememberSession(serverUrl, result.session, now());
  }
  try {
    const url = await startSso(client(serverUrl), providerId, location.pathname);
    sessionStorage.setItem(serverKey, serverUrl);
    location.assign(url);
    return new Promise(() => {});
  } catch (error) {
    return error instanceof ApiError && (error.status === 503 || error.failure === 'network')
      ? 'unavailable'
      : 'failed';
  }
}

/**
 * On the return from a provider (web mode): the session, or why not. Null when this page
 * load is no such return.
 */
export async function completeWorkstationSso(
  deviceId: string,
  now: () => Date,
): Promise<ActiveSession | WorkstationSsoFailure | null> {
  const back = ssoReturnOf(location.search);
  if (!back) return null;
  history.replaceState(history.state, '', withoutSsoParams(location.href));
  if ('error' in back) return back.error;
  const serverUrl = sessionStorage.getItem(serverKey) ?? location.origin;
  sessionStorage.removeItem(serverKey);
  try {
    const answer = await completeSso(client(serverUrl), back.handoff, deviceId);
    if (answer.user.role === 'requester') return 'notStaff';
    localStorage.setItem('saksbord.serverUrl', serverUrl);
    return await rememberSession(serverUrl, answer, now());
  } catch {
    return 'failed';
  }
}
