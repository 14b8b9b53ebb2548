import type { Role } from '../rules/actor';

/**
 * Who may administer which accounts. Admins administer every account; a team leader
 * administers the accounts of their own line (line 1: the agents), and may give no other
 * role. Nobody may lock themselves out: an admin cannot disable their own account or take
 * away their own admin role (another admin can).
 */

/** Why a change to an account is refused (a problem document's `rule`). */
export type UserAdminRule =
  | 'users.notYours'
  | 'users.roleNotAllowed'
  | 'users.selfLockout'
  | 'users.noLocalPassword'
  | 'users.usernameTaken';

export interface AdminActor {
  id: string;
  role: Role;
}

export interface AdministeredUser {
  id: string;
  role: Role;
}

/** Whether the actor has a Users screen at all. */
export function mayAdministerUsers(actor: Pick<AdminActor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'teamLeader';
}

/** The roles the actor may give (to a new account, or by a change). */
export function assignableRoles(actor: Pick<AdminActor, 'role'>): readonly Role[] {
  if (actor.role === 'admin') {
    return ['agent', 'consultant', 'senior', 'teamLeader', 'admin', 'requester'];
  }
  if (actor.role === 'teamLeader') return ['agent'];
  return [];
}

/** Whether the actor sees and administers this account. */
export function mayAdminister(actor: AdminActor, user: Pick<AdministeredUser, 'role'>): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'teamLeader') return user.role === 'agent';
  return false;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
}

/** The rule a change breaks, or null when the actor may make it. */
export function userChangeRefusal(
  actor: AdminActor,
  user: AdministeredUser,
  change: UserChange,
): UserAdminRule | null {
  if (!mayAdminister(actor, user)) return 'users.notYours';
  if (change.role !== undefined && change.role !== user.role) {
    if (!assignableRoles(actor).includes(change.role)) return 'users.roleNotAllowed';
  }
  if (actor.id === user.id) {
    if (change.disabled === true) return 'users.selfLockout';
    if (change.role !== undefined && change.role !== user.role && user.role === 'admin') {
      return 'users.selfLockout';
    }
  }
  return null;
}
