/**
 * One administrative change: in one write transaction, the change itself, its audit entry and
 * the live event that tells every client (of every server process) to fetch the configuration
 * again. A change is never without its entry, nor an entry without its change.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { type AuditActor, type AuditEntryInput, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { headSeq, takeWriteLock } from '../db/write-lock';
import type { BusMessage } from '../events/event-bus';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';

/** The signed-in user of a request, as the audit log names them. */
export function auditActorOf(c: Context<AppEnv>): AuditActor {
  const session = c.get('session');
  let address: string | null = null;
  try {
    address = getConnInfo(c).remote.address ?? null;
  } catch {
    // Called in process (tests): no socket, no address.
  }
  return {
    id: session.user.id,
    name: session.user.displayName,
    deviceId: session.deviceId,
    address,
  };
}

/** What a change reports: its result, the audit entry (without the actor), and what changed. */
export interface ChangeOutcome<T> {
  result: T;
  audit: Omit<AuditEntryInput, 'actor'>;
  /** The live-event key clients react to (`municipalities`, `categories`, `templates` …). */
  announce: string | null;
}

/**
 * Runs `work` in a write transaction under the write lock, records its audit entry and
 * announces it; after the commit, `afterCommit` runs (a process-local cache refresh).
 */
export async function adminChange<T>(
  ctx: ServerContext,
  actor: AuditActor,
  work: (trx: Transaction<Database>) => Promise<ChangeOutcome<T>>,
  afterCommit?: () => Promise<void>,
): Promise<T> {
  let message: BusMessage | undefined;
  const result = await ctx.db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const outcome = await work(trx);
    const now = ctx.now();
    await recordAudit(trx, { ...outcome.audit, actor }, now);
    if (outcome.announce) {
      message = {
        cursor: await headSeq(trx),
        settingsChanged: { key: outcome.announce, version: now.getTime() },
      };
      await ctx.bus.publish(trx, message);
    }
    return outcome.result;
  });
  await afterCommit?.();
  if (message) ctx.bus.committed(message);
  return result;
}
