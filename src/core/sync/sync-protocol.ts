import { z } from 'zod';
import { caseChangeSchema } from '../case/case-change';
import { caseEventSchema } from '../case/case-event';
import { caseRecordSchema, conflictFields, idSchema } from '../case/case-record';

/**
 * Sync protocol between a client's local store and the server (server-authoritative, client
 * UUIDs, an outbox): clients push mutations, idempotent by `mutationId`; the server orders
 * everything by one global sequence; clients pull "changes after cursor".
 */

/** One local edit waiting in a client's outbox. */
export const mutationSchema = z.object({
  /** Client-generated; pushing the same id twice applies it once. */
  mutationId: idSchema,
  caseId: idSchema,
  /** The case version the client had when it made the edit (0 for a case it created). */
  baseVersion: z.number().int().nonnegative(),
  /** Client clock when the edit was made. */
  clientAt: z.iso.datetime({ offset: true }),
  change: caseChangeSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationInput = z.input<typeof mutationSchema>;

export const maxMutationsPerPush = 500;

export const pushRequestSchema = z.object({
  deviceId: z.string().trim().min(1, 'deviceId is required').max(200),
  mutations: z.array(mutationSchema).min(1, 'mutations must not be empty').max(maxMutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * A value that lost a per-field decision: the server kept its own (newer) value and hands the
 * client's back so the user can see it and apply it again.
 */
export const fieldConflictSchema = z.object({
  field: z.enum(conflictFields),
  /** The client's value that was not applied. */
  yourValue: z.unknown(),
  /** The value the server kept. */
  serverValue: z.unknown(),
  /** Who set the server's value, and when. */
  serverChangedBy: z.string().nullable(),
  serverChangedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

/**
 * What became of one mutation.
 * - `applied`: recorded as event `seq` (possibly with some fields lost to conflicts).
 * - `conflict`: every field it wrote lost; nothing recorded, the conflicts say why.
 * - `rejected`: a rule refused it (4xx); never retried; `reason` is for the user.
 */
export const mutationResultSchema = z.object({
  mutationId: idSchema,
  status: z.enum(['applied', 'conflict', 'rejected']),
  seq: z.number().int().positive().nullable(),
  conflicts: z.array(fieldConflictSchema),
  reason: z.string().nullable(),
  /** Machine-readable rule that refused it (for example `escalation.reasonRequired`). */
  rule: z.string().nullable(),
  /**
   * The rule's parameters, so a client words the refusal in its user's language (core's
   * `formatRuleMessage`). Optional: results stored before it have none.
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  /** The newest sequence on the server after this push. */
  cursor: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/**
 * Changes after a cursor, one page: the events in sequence order and the current state of
 * every case they touch. `cursor` is the last sequence in this page; pull again while `hasMore`.
 */
export const pullResponseSchema = z.object({
  events: z.array(caseEventSchema),
  cases: z.array(caseRecordSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * The newest sequence on the server when the page was read, so a client can show how far a
   * long pull has come. Optional: servers before it did not send it.
   */
  head: z.number().int().nonnegative().optional(),
  /**
   * The server's replica epoch: raised when stored records were corrected without new events
   * (SLA facts recomputed under new rules). A client that pulled under an older epoch fetches
   * its cases again (`replicaDecision`). Optional: servers before it did not send it.
   */
  epoch: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Server-sent events on `/api/v1/events`. */
export const liveEventSchema = z.discriminatedUnion('type', [
  /** Something changed: pull now. */
  z.object({ type: z.literal('changes'), cursor: z.number().int().nonnegative() }),
  /** A case was created as or raised to critical: alert at once, without waiting for the pull. */
  z.object({
    type: z.literal('critical'),
    cursor: z.number().int().nonnegative(),
    case: caseRecordSchema,
  }),
  /**
   * A run-time setting changed (today `sla`: the targets a team leader edits on the board):
   * fetch `GET /api/v1/config` again now, since it serves the settings in force. `cursor` is
   * the newest case sequence at the time (no case changed); `version` is the setting's new
   * version. Clients that do not know this type ignore it.
   */
  z.object({
    type: z.literal('settingsChanged'),
    cursor: z.number().int().nonnegative(),
    key: z.string().min(1),
    version: z.number().int().positive(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
