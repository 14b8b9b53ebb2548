/**
 * Username + password against the Saksbord server. The session is kept for this browser (all
 * its tabs), so a link opened in a new tab is signed in too; see `storageKey` for the trade.
 */

import { getMe, signIn as signInRoute, signOut as signOutRoute } from '@core/api';
import { ApiError, createApiClient } from '@web/api';
import { z } from 'zod';
import { type CredentialsAuthProvider, isPortalUser, type PortalSession } from './auth-provider';
import { portalSso } from './sso-sign-in';

const storedSchema = z.object({ token: z.string(), savedAt: z.number().optional() });

/**
 * Where the session is kept: `localStorage`, shared by the tabs of this browser and kept when
 * the browser closes. Security: the token is readable by script on the portal's origin, as it
 * was in `sessionStorage` (the strict CSP allows only the portal's own scripts), and it now
 * outlives the tab, so on a shared PC the next person could find the portal signed in. Hence:
 * signing out removes it in every tab at once, the server still ends the session at its
 * expiry, and a session that no open portal tab has used for `idleLimitMs` (`keepAlive`) is
 * dropped and ended on the server rather than restored.
 */
export const storageKey = 'saksbord.portal.session';
/** A stored session unused for this long is not restored: a working day and some. */
export const idleLimitMs = 10 * 3600_000;

function save(session: PortalSession | null, storage: Storage): void {
  if (session) storage.setItem(storageKey, JSON.stringify({ ...session, savedAt: Date.now() }));
  else storage.removeItem(storageKey);
}

/** The one web client, as `token` (or nobody, to sign in). */
const clientFor = (serverUrl: string, token: string | null) =>
  createApiClient({
    baseUrl: serverUrl,
    getToken: () => token,
  });

async function endOnServer(serverUrl: string, token: string): Promise<void> {
  await clientFor(serverUrl, token)
    .call(signOutRoute, {})
    .catch(() => {});
}

export function passwordAuthProvider(
  serverUrl = '',
  storage: Storage = localStorage,
): CredentialsAuthProvider {
  // "Logg inn med kommunen din": the same session, kept the same way, when it comes back.
  const sso = portalSso({
    publicApi: clientFor(serverUrl, null),
    apiFor: (token) => clientFor(serverUrl, token),
    storage,
    async accept(session) {
      if (!isPortalUser(session.user)) {
        await endOnServer(serverUrl, session.token);
        return 'notRequester';
      }
      save(session, storage);
      return null;
    },
  });
  return {
    kind: 'credentials',
    sso,
    async signIn(username, password) {
      let session: PortalSession;
      try {
        session = await clientFor(serverUrl, null).call(signInRoute, {
          body: { username, password, deviceId: 'portal' },
        });
      } catch (error) {
        const status =
          error instanceof ApiError && error.failure === 'problem' ? error.status : null;
        return {
          ok: false,
          reason: status === 401 ? 'wrong' : status === 429 ? 'tooMany' : 'failed',
        };
      }
      if (!isPortalUser(session.user)) {
        await this.signOut(session);
        return { ok: false, reason: 'notRequester' };
      }
      save(session, storage);
      return { ok: true, session };
    },
    async restore() {
      const returned = await sso.completeReturn();
      if (returned !== undefined) return returned;
      const stored = storage.getItem(storageKey);
      if (!stored) return null;
      let token: string;
      try {
        const parsed = storedSchema.parse(JSON.parse(stored));
        token = parsed.token;
        if (parsed.savedAt === undefined || Date.now() - parsed.savedAt > idleLimitMs) {
          save(null, storage);
          await endOnServer(serverUrl, token);
          return null;
        }
      } catch {
        save(null, storage);
        return null;
      }
      try {
        const me = await clientFor(serverUrl, token).call(getMe, {});
        if (!isPortalUser(me.user)) {
          save(null, storage);
          return null;
        }
        const session = { token, expiresAt: me.expiresAt, user: me.user };
        save(session, storage);
        return session;
      } catch (error) {
        // No answer: keep the session for the next try. Refused or not understood: drop it.
        if (!(error instanceof ApiError) || error.failure !== 'network') save(null, storage);
        return null;
      }
    },
    async signOut(session) {
      await sso.rememberSignOutOffer(session.token);
      save(null, storage);
      await endOnServer(serverUrl, session.token);
    },
    keepAlive() {
      const stored = storage.getItem(storageKey);
      if (!stored) return;
      try {
        storage.setItem(storageKey, JSON.stringify({ ...JSON.parse(stored), savedAt: Date.now() }));
      } catch {
        // A damaged entry is dropped by the next restore.
      }
    },
    watch(onSignedOut) {
      // `storage` events fire in the other tabs of this browser, never in the one that wrote.
      const listener = (event: StorageEvent) => {
        if (event.storageArea !== storage) return;
        // Removed (signed out), or the whole storage cleared (key null).
        if ((event.key === storageKey || event.key === null) && !storage.getItem(storageKey)) {
          onSignedOut();
        }
      };
      addEventListener('storage', listener);
      return () => removeEventListener('storage', listener);
    },
  };
}
