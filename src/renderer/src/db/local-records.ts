import type { CaseChange, CaseEvent, CaseRecord, ConflictField } from '@core/case/index';
import type { Role, RuleParams } from '@core/rules/index';
import type { Mutation } from '@core/sync/index';

/**
 * The rows of the local store. The server's records are the truth; these add what only this
 * client knows (edits not yet synced, conflicts to show, the sync cursor).
 */

/**
 * A case as this client shows it: the server's record with this client's unsynced edits
 * folded on top (optimistic), plus local bookkeeping.
 */
export interface LocalCase extends CaseRecord {
  /** Local mutations for this case the server has not confirmed yet (0 = in sync). */
  pendingCount: number;
  /**
   * Shown instead of `number` while the server has not numbered the case (created offline),
   * e.g. `L-3F2A`. Always marked as provisional in the UI; null once the case has a number.
   */
  provisionalNumber: string | null;
  /** Local mutations for this case the server refused (see the outbox for the reason). */
  rejectedCount: number;
  /**
   * The server's record as last pulled, without local edits; null while the server has not
   * seen the case, and null as well when `serverIsShown`. Local edits are re-applied on top of
   * it after every pull (rebase). Read it with `serverRecordOf`, never directly.
   */
  server: CaseRecord | null;
  /**
   * The shown record is the server's record exactly (no local edit on top): the server record
   * is then not stored a second time, which made every read of cases (board, SLA board,
   * search) about 40 % faster. Absent in rows written before this existed.
   */
  serverIsShown?: boolean;
}

/**
 * State of an outbox item.
 * - `pending`: waiting to be pushed (or pushed without an answer; pushing again is safe).
 * - `sending`: in a push request right now; reverts to `pending` on start-up after a crash.
 * - `acknowledged`: the server applied it as event `seq`; kept (and still shown) until a
 *   pull has brought that event, then deleted.
 * - `rejected`: the server refused it; never retried, kept with the reason until the user
 *   dismisses it.
 */
export type OutboxState = 'pending' | 'sending' | 'acknowledged' | 'rejected';

export interface OutboxItem {
  /** Local order; the outbox is pushed first in, first out. */
  order?: number;
  mutationId: string;
  caseId: string;
  mutation: Mutation;
  /** Who made the edit (for the optimistic event shown before the server has it). */
  actorId: string;
  /**
   * Their role when they made it (decides whether the edit counts as the service's first
   * response). Absent on items written before it was recorded: only staff sign in to the
   * workstation, so those count as staff.
   */
  actorRole?: Role;
  state: OutboxState;
  /** Push attempts that ended without an answer for this mutation. */
  attempts: number;
  lastError: string | null;
  /** Server sequence once acknowledged. */
  seq: number | null;
  /** The server's reason (for the user) and rule id (machine-readable) when rejected. */
  rejectionReason: string | null;
  rejectionRule: string | null;
  /** The refusing rule's parameters, to word it in the user's language. */
  rejectionParams?: RuleParams;
}

/** The single row of sync bookkeeping (key `main`). */
export interface SyncStateRow {
  id: 'main';
  /** The last server sequence this client has pulled. */
  cursor: number;
  /** The server's replica epoch it pulled under (see core/sync's replica-epoch). */
  epoch?: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

/**
 * State of a conflict record: `open` until the user applies their value again (`reapplied`)
 * or lets the server's value stand (`dismissed`).
 */
export type ConflictState = 'open' | 'reapplied' | 'dismissed';

/** A value of this client that lost a per-field decision on the server, kept for the user. */
export interface ConflictRecord {
  id: string;
  caseId: string;
  /** The mutation whose value lost. */
  mutationId: string;
  /** The change that lost (to build the change that applies it again). */
  change: CaseChange;
  field: ConflictField;
  yourValue: unknown;
  serverValue: unknown;
  serverChangedBy: string | null;
  serverChangedAt: string | null;
  /** When this client learned of the conflict. */
  detectedAt: string;
  state: ConflictState;
}

/**
 * What a chunk of events holds: worklog entries (read by the SLA board over a 31-day window)
 * or every other kind of event, so that board reads only the worklog chunks.
 */
export type EventChunkKind = 'worklog' | 'case';

/**
 * Server events stored together (see event-log.ts): up to a hundred events of one kind from
 * one pull page, with the cases they belong to (multi-entry index) and their newest time.
 */
export interface EventChunk {
  /** Local, auto-incremented. */
  id?: number;
  kind: EventChunkKind;
  caseIds: string[];
  /** The latest `at` among `events` (ISO), to find recent events without reading them all. */
  lastAt: string;
  events: CaseEvent[];
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** The signed-in user as the session remembers them (enough to work offline). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  /** Municipalities a consultant belongs to. */
  municipalityIds: string[];
}

/** The last session (key `current`): sign-in works offline with it while the token is valid. */
export interface SessionRow {
  id: 'current';
  token: string;
  /** ISO instant the token stops being valid. */
  expiresAt: string;
  user: SessionUser;
  signedInAt: string;
}
