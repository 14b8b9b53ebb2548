/**
 * Ending sessions of a user at once: the rows go inside the caller's transaction (with the
 * change that ends them: disabled, password reset or changed, "end all sessions"), and after
 * the commit every server process is told, so the live event streams of those sessions close
 * at once (the hub ends the streams a `sessionEnded` message names; see events/sse-hub.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { BusMessage } from '../events/event-bus';
import type { ServerContext } from '../server-context';

/** Which sessions ended: all of a user, or some by token hash (all but the caller's own). */
export type EndedSessions = { userId: string } | { tokenHashes: string[] };

/** Deletes the user's sessions, all or all but `keep` (a token hash); says which ended. */
export async function deleteSessionsOf(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  keep?: string,
): Promise<EndedSessions> {
  if (!keep) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return { userId };
  }
  const rows = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', keep)
    .execute();
  const tokenHashes = rows.map((r) => r.token_hash);
  if (tokenHashes.length > 0) {
    await db.deleteFrom('sessions').where('token_hash', 'in', tokenHashes).execute();
  }
  return { tokenHashes };
}

/** Tells every server process that these sessions ended (call after the commit). */
export async function announceSessionsEnded(
  ctx: Pick<ServerContext, 'bus' | 'db'>,
  ended: EndedSessions,
): Promise<void> {
  const messages: BusMessage[] =
    'userId' in ended
      ? [{ cursor: 0, sessionEnded: { userId: ended.userId } }]
      : ended.tokenHashes.map((tokenHash) => ({ cursor: 0, sessionEnded: { tokenHash } }));
  for (const message of messages) {
    await ctx.bus.publish(ctx.db, message);
    ctx.bus.committed(message);
  }
}
