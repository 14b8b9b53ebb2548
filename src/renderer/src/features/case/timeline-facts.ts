import type { CaseChange } from '../../../../core/case/index';
import type { TimelineEntry } from '../../db/case-repository';

/** A history entry reduced to what the panels show, whether the server has it yet or not. */
export interface EntryFacts {
  key: string;
  change: CaseChange;
  at: string;
  actorId: string;
  deviceId: string | null;
  /** A local edit the server has not recorded yet. */
  pending: boolean;
  rejectionReason: string | null;
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
      pending: false,
      rejectionReason: null,
    };
  }
  return {
    key: entry.mutationId,
    change: entry.change,
    at: entry.at,
    actorId: entry.actorId,
    deviceId: null,
    pending: entry.state !== 'rejected',
    rejectionReason: entry.rejectionReason,
  };
}
