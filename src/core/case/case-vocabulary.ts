import { z } from 'zod';

/** The seed's four priority levels, most urgent first. */
export const priorities = ['critical', 'high', 'medium', 'low'] as const;
export const prioritySchema = z.enum(priorities);
export type Priority = z.infer<typeof prioritySchema>;

/** Support tiers: 1 = first line (every case starts here), 2 = the municipality's consultants, 3 = senior consultants. */
export const supportLines = [1, 2, 3] as const;
export const supportLineSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type SupportLine = z.infer<typeof supportLineSchema>;

/**
 * Case statuses.
 * - `new`: registered, nobody has started on it.
 * - `inProgress`: someone works on it.
 * - `waiting`: the SLA clock is paused while the case waits for the requester or a third party.
 * - `resolved`: a solution is given; the requester may confirm or reopen.
 * - `closed`: done; only reopening changes it.
 * - `reopened`: the requester or an agent found the solution did not hold.
 */
export const caseStatuses = [
  'new',
  'inProgress',
  'waiting',
  'resolved',
  'closed',
  'reopened',
] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Why a case is waiting (the SLA clock is paused in both). */
export const waitingReasonSchema = z.enum(['requester', 'thirdParty']);
export type WaitingReason = z.infer<typeof waitingReasonSchema>;

/** How the case reached the service. */
export const caseChannelSchema = z.enum(['portal', 'phone', 'agent', 'email']);
export type CaseChannel = z.infer<typeof caseChannelSchema>;

/** Who may see a comment: only the service's staff, or the requester too. */
export const commentVisibilitySchema = z.enum(['internal', 'requester']);
export type CommentVisibility = z.infer<typeof commentVisibilitySchema>;

/** Statuses in which a case still needs work (shown on the board). */
export const openStatuses: readonly CaseStatus[] = ['new', 'inProgress', 'waiting', 'reopened'];

export function isOpenStatus(status: CaseStatus): boolean {
  return openStatuses.includes(status);
}
