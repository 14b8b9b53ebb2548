import { applyChange, type CaseRecord } from '@core/case/index';
import { stillToApply } from '@core/sync/index';
import type { LocalCase, OutboxItem } from './local-records';

/**
 * Rebase: the case this client shows is the server's record with this client's own edits
 * that the record does not contain yet folded on top, in the order they were made. Pure.
 * Whether the record contains an edit yet is core's decision (`stillToApply`).
 */

/** Human-readable stand-in for the server's number while it is unknown, e.g. `L-3F2A`. */
export function provisionalNumberFor(caseId: string): string {
  return `L-${caseId.replace(/-/g, '').slice(0, 4).toUpperCase()}`;
}

/**
 * The case as this client shows it. `items` are the case's outbox items in outbox order.
 * Returns null when there is nothing to show (no server record and no creating edit).
 * A case whose creation the server refused is still shown (with `rejectedCount`) until the
 * user dismisses the rejection, so that nothing disappears without a word.
 */
export function rebuildLocalCase(
  caseId: string,
  server: CaseRecord | null,
  items: readonly OutboxItem[],
): LocalCase | null {
  let record: CaseRecord | null = server;
  let pendingCount = 0;
  let rejectedCount = 0;
  for (const item of items) {
    if (item.state === 'rejected') rejectedCount += 1;
    else if (item.state !== 'acknowledged') pendingCount += 1;
    const creatingRejected =
      item.state === 'rejected' && item.mutation.change.type === 'created' && record === null;
    if (!stillToApply(item, server) && !creatingRejected) continue;
    if (record === null && item.mutation.change.type !== 'created') continue;
    record = applyChange(record, item.mutation.change, {
      caseId,
      at: item.mutation.clientAt,
      actorId: item.actorId,
      actorRole: item.actorRole ?? 'agent',
      seq: 0,
    });
  }
  if (record === null) return null;
  if (server !== null && record === server) {
    return {
      ...record,
      pendingCount,
      rejectedCount,
      provisionalNumber: record.number === null ? provisionalNumberFor(caseId) : null,
      server: null,
      serverIsShown: true,
    };
  }
  return {
    ...record,
    pendingCount,
    rejectedCount,
    provisionalNumber: record.number === null ? provisionalNumberFor(caseId) : null,
    server,
  };
}

/** The case record without local bookkeeping (what the rules and the reducer see). */
export function stripLocal(local: LocalCase): CaseRecord {
  const {
    pendingCount: _p,
    provisionalNumber: _n,
    rejectedCount: _r,
    server: _s,
    serverIsShown: _i,
    ...record
  } = local;
  return record;
}

/** The server's record of a local case as last pulled; null if the server has not seen it. */
export function serverRecordOf(local: LocalCase | null | undefined): CaseRecord | null {
  if (!local) return null;
  return local.serverIsShown ? stripLocal(local) : local.server;
}
