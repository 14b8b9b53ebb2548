/**
 * Reads for the Users screen: accounts with their source, last sign-in and open sessions,
 * filtered in SQL (text, role, municipality, source, status, last sign-in), and a user's
 * history from the audit log. Writes stay in user-admin-routes.ts, each with its audit entry.
 */
import type { AdminUser, LastSignInFilter, UserHistoryEntry, UserSource } from '@core/api';
import type { Role } from '@core/rules';
import { type Kysely, sql, type Transaction } from 'kysely';
import { listAudit } from '../audit/audit-log';
import type { Database, UserRow } from '../db/schema';
import { toStoredUser } from './user-store';

type Db = Kysely<Database> | Transaction<Database>;

/** Accounts deleted by SCIM keep their row under this name (see scim/scim-store.ts). */
const deletedPrefix = 'deleted:';

export function adminUser(row: UserRow, sessions: number): AdminUser {
  const user = toStoredUser(row);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    municipalityIds: user.municipalityIds,
    email: user.email,
    source: user.source,
    providerId: user.providerId,
    disabled: user.disabled,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    hasPassword: user.hasPassword,
    totpEnabled: user.totpEnabled,
    sessions,
  };
}

async function sessionCounts(db: Db, userIds: string[], now: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (userIds.length === 0) return counts;
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', 'in', userIds)
    .where('expires_at', '>', now.toISOString())
    .groupBy('user_id')
    .execute();
  for (const row of rows) counts.set(row.user_id, Number(row.n));
  return counts;
}

export interface AdminUserFilter {
  q?: string;
  role?: Role;
  municipality?: string;
  source?: UserSource;
  status?: 'active' | 'disabled';
  lastSignIn?: LastSignInFilter;
  /** Only these roles (a team leader sees the agents of their line). */
  onlyRoles?: readonly Role[];
}

const dayMs = 24 * 3600_000;

export async function findAdminUsers(
  db: Db,
  filter: AdminUserFilter,
  now: Date,
): Promise<AdminUser[]> {
  let query = db.selectFrom('users').selectAll().where('username', 'not like', `${deletedPrefix}%`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(username)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(display_name)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(coalesce(email, ''))`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.onlyRoles) query = query.where('role', 'in', [...filter.onlyRoles]);
  if (filter.municipality) {
    query = query.where('municipality_ids', 'like', `%${JSON.stringify(filter.municipality)}%`);
  }
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.status) query = query.where('disabled', '=', filter.status === 'disabled' ? 1 : 0);
  switch (filter.lastSignIn) {
    case '7d':
    case '30d': {
      const days = filter.lastSignIn === '7d' ? 7 : 30;
      query = query.where(
        'last_sign_in_at',
        '>=',
        new Date(now.getTime() - days * dayMs).toISOString(),
      );
      break;
    }
    case 'over30d':
      query = query.where(
        'last_sign_in_at',
        '<',
        new Date(now.getTime() - 30 * dayMs).toISOString(),
      );
      break;
    case 'never':
      query = query.where('last_sign_in_at', 'is', null);
      break;
  }
  const rows = await query.orderBy('username').limit(2_000).execute();
  const counts = await sessionCounts(
    db,
    rows.map((r) => r.id),
    now,
  );
  return rows.map((row) => adminUser(row, counts.get(row.id) ?? 0));
}

export async function findUserRow(db: Db, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('username', 'not like', `${deletedPrefix}%`)
    .executeTakeFirst();
}

export async function adminUserById(db: Db, id: string, now: Date): Promise<AdminUser | undefined> {
  const row = await findUserRow(db, id);
  if (!row) return undefined;
  return adminUser(row, (await sessionCounts(db, [id], now)).get(id) ?? 0);
}

/** The user's history: every audited change to the account, newest first. */
export async function userHistory(db: Kysely<Database>, id: string): Promise<UserHistoryEntry[]> {
  const entries = await listAudit(db, { targetType: 'user', targetId: id, limit: 200 });
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actorName: e.actorName,
    action: e.action,
    summary: e.summary,
    details: e.details,
  }));
}
