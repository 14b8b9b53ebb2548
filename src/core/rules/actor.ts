import { z } from 'zod';
import type { SupportLine } from '../case/case-vocabulary';

/**
 * Roles of the people who use Saksbord.
 * - `agent`: line 1, user support; works every case first.
 * - `consultant`: line 2, an IT consultant of one or more municipalities.
 * - `senior`: line 3, a senior consultant.
 * - `teamLeader`: leads user support (line 1); sees and may do everything staff may.
 * - `admin`: runs the service's configuration and accounts; staff, but on no line.
 * - `requester`: an end user of a municipality, through the portal; sees only own cases.
 */
export const roles = ['agent', 'consultant', 'senior', 'teamLeader', 'admin', 'requester'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is making a change or reading a case. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: roleSchema,
  /** The municipalities a consultant serves, or a requester belongs to; empty for others. */
  municipalityIds: z.array(z.string()),
});
export type Actor = z.infer<typeof actorSchema>;

/** What the rules need to know about a user who may be assigned a case. */
export type UserFacts = Pick<Actor, 'role' | 'municipalityIds'>;

/** Everybody but the requester works for the service. */
export function isStaff(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'requester';
}

/**
 * The line whose cases a role may be assigned: agents and the team leader line 1, consultants
 * line 2 (of their municipalities), seniors line 3. Admins and requesters are on no line.
 */
export function lineOfRole(role: Role): SupportLine | null {
  switch (role) {
    case 'agent':
    case 'teamLeader':
      return 1;
    case 'consultant':
      return 2;
    case 'senior':
      return 3;
    case 'admin':
    case 'requester':
      return null;
  }
}
