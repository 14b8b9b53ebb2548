import {
  type SignInResponse,
  signIn as signInRoute,
  signOut as signOutRoute,
} from '@core/api/index';
import { ApiError, createApiClient, serverAddress } from '@web/api/index';
import { z } from 'zod';
import type { SessionRow } from '../db/local-records';
import { SaksbordDb } from '../db/saksbord-db';
import { rememberProviderSignOut } from './provider-sign-out';

/**
 * Sign-in against the server (`POST /api/v1/auth/sign-in`) and the session kept for offline
 * use: the session row lives in the user's own local database; localStorage only remembers
 * which database that is, so a restart without network opens the same store.
 */

export type SignInFailure =
  | 'badCredentials'
  | 'tooMany'
  | 'unreachable'
  | 'insecure'
  /** Two-step sign-in: the account needs the app's code (ask, then send both again). */
  | 'totpRequired'
  | 'totpInvalid'
  | 'other';

export class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The signed-in state the app runs with. */
export interface ActiveSession {
  serverUrl: string;
  dbName: string;
  row: SessionRow;
}

const lastKey = 'saksbord.lastSession';

/** One local database per server and user, so two agents on one PC never share a store. */
export function databaseNameFor(serverUrl: string, userId: string): string {
  return `saksbord:${new URL(serverUrl).host}:${userId}`;
}

/**
 * The visible setting (a checkbox on the sign-in form) that allows plain http to a server on
 * another machine; off by default (src/web's `serverAddress`).
 */
export const allowInsecureHttpKey = 'saksbord.allowInsecureHttp';

export function allowInsecureHttp(): boolean {
  try {
    return localStorage.getItem(allowInsecureHttpKey) === 'true';
  } catch {
    return false;
  }
}

/** The typed address with its scheme: https unless the server is this machine. */
export function normaliseServerUrl(input: string): string {
  return serverAddress(input, { allowInsecureHttp: allowInsecureHttp() }).url;
}

export async function signIn(
  serverInput: string,
  username: string,
  password: string,
  deviceId: string,
  now: Date,
  /** The authenticator app's code, for an account with two-step sign-in. */
  totpCode?: string,
): Promise<ActiveSession> {
  const address = serverAddress(serverInput, { allowInsecureHttp: allowInsecureHttp() });
  if (!address.ok) {
    throw new SignInError(
      address.reason === 'insecure' ? 'insecure' : 'other',
      address.reason === 'insecure'
        ? `${address.url} is plain http to another machine`
        : `${address.url} is not a server address`,
    );
  }
  const serverUrl = address.url;
  const api = createApiClient({ baseUrl: serverUrl, getToken: () => null });
  let answer: Awaited<ReturnType<typeof api.call<typeof signInRoute>>>;
  try {
    answer = await api.call(signInRoute, {
      body: { username, password, deviceId, ...(totpCode ? { totpCode } : {}) },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.failure === 'network') throw new SignInError('unreachable', error.message);
    if (error.rule === 'signIn.totpRequired') throw new SignInError('totpRequired', 'code needed');
    if (error.rule === 'signIn.totpInvalid') throw new SignInError('totpInvalid', 'wrong code');
    if (error.status === 401) throw new SignInError('badCredentials', 'wrong credentials');
    if (error.status === 429) throw new SignInError('tooMany', 'too many attempts');
    throw new SignInError('other', error.message);
  }
  return rememberSession(serverUrl, answer, now);
}

/** The last session if its token is still valid: sign-in then works offline. */
export async function restoreSession(now: Date): Promise<ActiveSession | null> {
  const raw = localStorage.getItem(lastKey);
  if (!raw) return null;
  try {
    const { serverUrl, dbName } = z
      .object({ serverUrl: z.string(), dbName: z.string() })
      .parse(JSON.parse(raw));
    const db = new SaksbordDb(dbName);
    const row = await db.session.get('current');
    db.close();
    if (!row || Date.parse(row.expiresAt) <= now.getTime()) return null;
    return { serverUrl, dbName, row };
  } catch {
    return null;
  }
}

/** Signs out: tells the server (if reachable) and forgets the token; local data stays. */
export async function signOut(session: ActiveSession): Promise<void> {
  await rememberProviderSignOut(session).catch(() => {});
  localStorage.removeItem(lastKey);
  const db = new SaksbordDb(session.dbName);
  await db.session.delete('current');
  db.close();
  try {
    await createApiClient({
      baseUrl: session.serverUrl,
      getToken: () => session.row.token,
    }).call(signOutRoute, {});
  } catch {
    // Offline: the token expires by itself.
  }
}

/** The server address offered on the sign-in form: the last one used, else this page's origin. */
export function defaultServerUrl(): string {
  try {
    const raw = localStorage.getItem('saksbord.serverUrl');
    if (raw) return raw;
  } catch {
    // ignore
  }
  return globalThis.location?.protocol.startsWith('http') ? globalThis.location.origin : '';
}

/**
 * Keeps a session the server gave, by the password form or by single sign-on: stored the same
 * way, so it is restored, and works offline, the same way.
 */
export async function rememberSession(
  serverUrl: string,
  answer: SignInResponse,
  now: Date,
): Promise<ActiveSession> {
  const row: SessionRow = {
    id: 'current',
    token: answer.token,
    expiresAt: answer.expiresAt,
    user: {
      id: answer.user.id,
      username: answer.user.username,
      displayName: answer.user.displayName,
      roles: [answer.user.role],
      municipalityIds: answer.user.municipalityIds,
    },
    signedInAt: now.toISOString(),
  };
  const dbName = databaseNameFor(serverUrl, row.user.id);
  const db = new SaksbordDb(dbName);
  await db.session.put(row);
  db.close();
  localStorage.setItem(lastKey, JSON.stringify({ serverUrl, dbName }));
  return { serverUrl, dbName, row };
}
