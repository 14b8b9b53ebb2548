import type { CaseRecord } from '@core/case/index';
import type { MunicipalityConfig } from '@core/config/municipality-config';
import { isOnCaseLine, type UserFacts } from '@core/rules/index';

/** Someone who might be given a case: an id with the facts the assignment rules look at. */
export type Candidate = UserFacts & { id: string };

/**
 * Those `checkAssignment` would let take the case: the staff of its line, and on line 2 only
 * the consultants of the requester's municipality. The picker offers no one else, so a choice
 * is never refused and undone behind the agent's back.
 */
export function assignableStaff<S extends Candidate>(
  record: Pick<CaseRecord, 'line' | 'requester'>,
  staff: readonly S[],
  municipalities: readonly MunicipalityConfig[],
): S[] {
  return staff.filter((s) => isOnCaseLine(record, s.id, s, { municipalities }));
}
