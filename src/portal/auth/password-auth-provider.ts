/** Username + password against the Saksbord server; the token is kept for this browser tab. */
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

const storageKey = 'saksbord.portal.session';

function save(session: PortalSession | null, storage: Storage): void {
  if (session) storage.setItem(storageKey, JSON.stringify(session));
  else storage.removeItem(storageKey);
}

export function passwordAuthProvider(
  serverUrl = '',
  storage: Storage = sessionStorage,
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
        token = z.object({ token: z.string() }).parse(JSON.parse(stored)).token;
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
      await fetch(`${serverUrl}/api/v1/auth/sign-out`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}` },
      }).catch(() => {});
    },
  };
}
