/** The roles of the people who acted on cases, for folding their events with the reducer. */

import { type Role, roleSchema } from '@core/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Each actor's role by id. An id with no account (server-made events, a deleted user) is
 * left out; callers treat those as the service's own acts.
 */
export async function actorRolesOf(
  db: Kysely<Database>,
  actorIds: Iterable<string>,
): Promise<Map<string, Role>> {
  const ids = [...new Set(actorIds)];
  const roles = new Map<string, Role>();
  if (ids.length === 0) return roles;
  const rows = await db.selectFrom('users').select(['id', 'role']).where('id', 'in', ids).execute();
  for (const row of rows) {
    const role = roleSchema.safeParse(row.role);
    if (role.success) roles.set(row.id, role.data);
  }
  return roles;
}
