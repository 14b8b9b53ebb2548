import type { CaseRecord } from '../case/case-record';
import type { Actor } from './actor';

/**
 * Who may read a case.
 * - A requester: only their own cases (reported with their portal account).
 * - A consultant: the cases of the municipalities they serve (which includes everything on
 *   line 2 for them), and any case assigned to them.
 * - Agents, seniors, team leaders and admins: every case (line 1 triages all of them, and
 *   line 3 serves every municipality).
 */
export function canReadCase(
  record: Pick<CaseRecord, 'requester' | 'assigneeId'>,
  actor: Actor,
): boolean {
  switch (actor.role) {
    case 'requester':
      return record.requester.userId !== null && record.requester.userId === actor.id;
    case 'consultant':
      return (
        actor.municipalityIds.includes(record.requester.municipalityId) ||
        record.assigneeId === actor.id
      );
    case 'agent':
    case 'senior':
    case 'teamLeader':
    case 'admin':
      return true;
  }
}
