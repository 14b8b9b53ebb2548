import { serverRecordOf } from '../db/case-rebase';
import { countPending, rebuildCase } from '../db/case-repository';
import type { SessionRow } from '../db/local-records';
import type { SaksbordDb } from '../db/saksbord-db';

/**
 * The session kept in the local store: sign-in works offline with the last session while its
 * token is valid; signing out asks before it drops changes the server has not received.
 */

/** Signing out would drop changes not yet synced; ask the user, then pass `dropUnsynced`. */
export class UnsyncedChangesError extends Error {
  override readonly name = 'UnsyncedChangesError';
  constructor(readonly pendingCount: number) {
    super(`${pendingCount} changes have not reached the server yet`);
  }
}

/** The last session if its token is still valid at `now` (no network needed). */
export async function validSession(db: SaksbordDb, now: Date): Promise<SessionRow | null> {
  const row = await db.session.get('current');
  if (!row || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return row;
}

export interface SignOutOptions {
  /** The user agreed to lose the changes still waiting. */
  dropUnsynced: boolean;
  /** Tells the server to end the token; failures (offline) are ignored, it expires anyway. */
  revoke?: () => Promise<void>;
}

/**
 * Ends the local session. Refuses with `UnsyncedChangesError` while changes wait and
 * `dropUnsynced` is false; with it, drops those changes (cases show the server's state again).
 * The user's synced data stays in their own store for the next sign-in.
 */
export async function signOut(db: SaksbordDb, options: SignOutOptions): Promise<void> {
  const pending = await countPending(db);
  if (pending > 0 && !options.dropUnsynced) throw new UnsyncedChangesError(pending);
  try {
    await options.revoke?.();
  } catch {
    // Offline: the token expires by itself.
  }
  await db.transaction('rw', [db.outbox, db.cases, db.session], async () => {
    const dropped = await db.outbox.where('state').anyOf('pending', 'sending').toArray();
    await db.outbox.bulkDelete(dropped.map((item) => item.order!));
    for (const caseId of new Set(dropped.map((item) => item.caseId))) {
      const local = await db.cases.get(caseId);
      await rebuildCase(db, caseId, serverRecordOf(local));
    }
    await db.session.delete('current');
  });
}
