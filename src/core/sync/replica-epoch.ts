/**
 * What a client does with a pull page, given the replica epoch it pulled under.
 *
 * The server raises its replica epoch when it corrected stored records without recording new
 * events (SLA facts recomputed under new rules). Events drive pulls, so a client that pulled
 * before the correction would keep the old records for ever; it must fetch its cases again
 * from the start (its outbox stays: local edits are rebased on the fetched records).
 */
export type ReplicaDecision = 'apply' | 'refetch';

export interface HeldReplica {
  /** The client's pull cursor; 0 when it has pulled nothing yet. */
  cursor: number;
  /** The epoch it pulled under; absent on stores written before epochs existed (epoch 0). */
  epoch?: number;
}

export function replicaDecision(held: HeldReplica, pageEpoch: number | undefined): ReplicaDecision {
  // A server before epochs, or a client that holds nothing yet: nothing can be stale.
  if (pageEpoch === undefined || held.cursor === 0) return 'apply';
  return pageEpoch > (held.epoch ?? 0) ? 'refetch' : 'apply';
}
