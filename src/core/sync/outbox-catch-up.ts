import type { CaseRecord } from '../case/case-record';

/**
 * Has the server's record caught up with a client's outbox item? A client shows its own
 * edits on top of the server's record until the record contains them; an acknowledged item
 * (applied on the server as event `seq`) is dropped once a pulled record or the pull cursor
 * has reached that event. Case versions are event sequences, so "contains" is a comparison.
 */

/** The outbox item facts the decision needs (a client's outbox row has more). */
export interface OutboxItemFacts {
  /**
   * `pending`/`sending`: not applied on the server yet; `acknowledged`: applied as event
   * `seq`; `rejected`: refused, never applied.
   */
  state: 'pending' | 'sending' | 'acknowledged' | 'rejected';
  /** The event the server recorded it as, once acknowledged. */
  seq: number | null;
}

/** Does `record` (null: the server has not sent it) include event `seq`? */
export function recordIncludes(record: CaseRecord | null, seq: number): boolean {
  return record !== null && record.version >= seq;
}

/** The server's record of the item's case includes the item's event: stop showing it as local. */
export function serverHasCaughtUp(item: OutboxItemFacts, server: CaseRecord | null): boolean {
  return item.state === 'acknowledged' && item.seq !== null && recordIncludes(server, item.seq);
}

/**
 * The pull has passed the item's event (`cursor` is the last sequence pulled), even if its
 * case was not in the page (it may be out of this user's sight now): the server holds it.
 */
export function cursorHasPassed(item: OutboxItemFacts, cursor: number): boolean {
  return item.state === 'acknowledged' && item.seq !== null && item.seq <= cursor;
}

/**
 * The item's effect is still to be shown on top of the server's record: not refused, and the
 * record does not include it yet.
 */
export function stillToApply(item: OutboxItemFacts, server: CaseRecord | null): boolean {
  return item.state !== 'rejected' && !serverHasCaughtUp(item, server);
}
