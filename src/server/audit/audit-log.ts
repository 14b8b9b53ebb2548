/**
 * The audit log: every administrative change and every sign-in, append-only. Callers write
 * the entry in the same transaction as the change it records, so a change is never without
 * its entry nor an entry without its change. Nothing here updates or deletes a row.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema';

/** Who did it: a signed-in user, or the system itself (CLI, SCIM, scheduler, start-up). */
export interface AuditActor {
  id: string | null;
  name: string;
  deviceId?: string | null;
  address?: string | null;
}

export interface AuditEntryInput {
  actor: AuditActor;
  /** Dotted verb, e.g. `user.create`, `user.disable`, `signIn.password`, `category.update`. */
  action: string;
  /** What kind of thing changed: `user`, `session`, `category`, `municipality`, ... */
  targetType: string;
  targetId?: string | null;
  /** One line a person reads in the log ("Rolle endra frå agent til senior" is the UI's job; here English facts). */
  summary: string;
  /** Before/after values or other facts, as JSON. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  details: Record<string, unknown>;
  deviceId: string | null;
  address: string | null;
}

/** The system as an actor (CLI commands, provisioning, timers). */
export function systemActor(name: string): AuditActor {
  return { id: null, name };
}

/** Appends one entry. Pass the transaction of the change it records. */
export async function recordAudit(
  db: Kysely<Database>,
  entry: AuditEntryInput,
  now: Date,
): Promise<AuditEntry> {
  const row: AuditLogTable = {
    id: randomUUID(),
    at: now.toISOString(),
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId ?? null,
    summary: entry.summary,
    details: JSON.stringify(entry.details ?? {}),
    device_id: entry.actor.deviceId ?? null,
    address: entry.actor.address ?? null,
  };
  await db.insertInto('audit_log').values(row).execute();
  return toAuditEntry(row);
}

function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    details: JSON.parse(row.details) as Record<string, unknown>,
    deviceId: row.device_id,
    address: row.address,
  };
}

export interface AuditFilter {
  actorId?: string;
  /** An action, or a prefix ending in `.` (`user.` for every user change). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Newest first; at most this many (default 200). */
  limit?: number;
  /** Entries older than this entry (paging by the last one shown). */
  before?: { at: string; id: string };
}

/** Entries matching the filter, newest first. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where('action', 'like', `${filter.action}%`)
      : query.where('action', '=', filter.action);
  }
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('at', '<', before.at),
        eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(toAuditEntry);
}
