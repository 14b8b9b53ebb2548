import type { CaseChange } from '@core/case/index';
import type { RuleParams } from '@core/rules/index';
import type { TimelineEntry } from '../../db/case-repository';

/** A history entry reduced to what the panels show, whether the server has it yet or not. */
export interface EntryFacts {
  key: string;
  change: CaseChange;
  at: string;
  actorId: string;
  deviceId: string | null;
  /**
   * The time the device claimed, where the server did not take it (before the case's last
   * change, beyond the offline window, or in the future): the history flags it.
   */
  claimedAt: string | null;
  /** A local edit the server has not recorded yet. */
  pending: boolean;
  rejectionReason: string | null;
  rejectionRule: string | null;
  rejectionParams: RuleParams;
}

export function entryFacts(entry: TimelineEntry): EntryFacts {
  if (entry.kind === 'server') {
    const e = entry.event;
    return {
      key: e.id,
      change: e.change,
      at: e.at,
      actorId: e.actorId,
      deviceId: e.deviceId,
      claimedAt: e.claimedClientAt ?? null,
      pending: false,
      rejectionReason: null,
      rejectionRule: null,
      rejectionParams: {},
    };
  }
  return {
    key: entry.mutationId,
    change: entry.change,
    at: entry.at,
    actorId: entry.actorId,
    deviceId: null,
    claimedAt: null,
    pending: entry.state !== 'rejected',
    rejectionReason: entry.rejectionReason,
    rejectionRule: entry.rejectionRule,
    rejectionParams: entry.rejectionParams,
  };
}
