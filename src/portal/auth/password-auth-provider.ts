/**
 * Username + password against the Saksbord server. The session is kept for this browser (all
 * its tabs), so a link opened in a new tab is signed in too; see `storageKey` for the trade.
 */
import { z } from 'zod';
import {
  type CredentialsAuthProvider,
  isPortalUser,
  type PortalSession,
  type PortalUser,
} from './auth-provider';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  municipalityIds: z.array(z.string()),
});
const signInResponseSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: userSchema,
});
const meResponseSchema = z.object({ user: userSchema, expiresAt: z.string() });
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

async function endOnServer(serverUrl: string, token: string): Promise<void> {
  await fetch(`${serverUrl}/api/v1/auth/sign-out`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => {});
}

export function passwordAuthProvider(
  serverUrl = '',
  storage: Storage = localStorage,
): CredentialsAuthProvider {
  return {
    kind: 'credentials',
    async signIn(username, password) {
      let response: Response;
      try {
        response = await fetch(`${serverUrl}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password, deviceId: 'portal' }),
        });
      } catch {
        return { ok: false, reason: 'failed' };
      }
      if (response.status === 401) return { ok: false, reason: 'wrong' };
      if (response.status === 429) return { ok: false, reason: 'tooMany' };
      if (!response.ok) return { ok: false, reason: 'failed' };
      const parsed = signInResponseSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { ok: false, reason: 'failed' };
      const session: PortalSession = parsed.data;
      if (!isPortalUser(session.user)) {
        await this.signOut(session);
        return { ok: false, reason: 'notRequester' };
      }
      save(session, storage);
      return { ok: true, session };
    },
    async restore() {
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
        const response = await fetch(`${serverUrl}/api/v1/auth/me`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const me = response.ok ? meResponseSchema.safeParse(await response.json()) : null;
        if (!me?.success || !isPortalUser(me.data.user as PortalUser)) {
          save(null, storage);
          return null;
        }
        const session = { token, expiresAt: me.data.expiresAt, user: me.data.user };
        save(session, storage);
        return session;
      } catch {
        return null;
      }
    },
    async signOut(session) {
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
