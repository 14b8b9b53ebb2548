import { z } from 'zod';
import { roleSchema } from '../../../core/rules/index';
import type { SessionRow } from '../db/local-records';
import { SaksbordDb } from '../db/saksbord-db';

/**
 * Sign-in against the server (`POST /api/v1/auth/sign-in`) and the session kept for offline
 * use: the session row lives in the user's own local database; localStorage only remembers
 * which database that is, so a restart without network opens the same store.
 */

const signInAnswerSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    municipalityIds: z.array(z.string()),
  }),
});

export type SignInFailure = 'badCredentials' | 'tooMany' | 'unreachable' | 'other';

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

export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
}

export async function signIn(
  serverInput: string,
  username: string,
  password: string,
  deviceId: string,
  now: Date,
): Promise<ActiveSession> {
  const serverUrl = normaliseServerUrl(serverInput);
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password, deviceId }),
    });
  } catch (error) {
    throw new SignInError('unreachable', String(error));
  }
  if (response.status === 401) throw new SignInError('badCredentials', 'wrong credentials');
  if (response.status === 429) throw new SignInError('tooMany', 'too many attempts');
  if (!response.ok) throw new SignInError('other', `${response.status} ${response.statusText}`);
  const answer = signInAnswerSchema.parse(await response.json());
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
  localStorage.removeItem(lastKey);
  const db = new SaksbordDb(session.dbName);
  await db.session.delete('current');
  db.close();
  try {
    await fetch(`${session.serverUrl}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.row.token}` },
    });
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
