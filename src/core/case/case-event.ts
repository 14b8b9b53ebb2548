import { z } from 'zod';
import { caseChangeSchema } from './case-change';
import { idSchema } from './case-record';

/**
 * A change as the server recorded it: the audit trail. Who, when, from which device, and
 * its place in the server's one global sequence.
 */
export const caseEventSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  /** Place in the server's global sequence; the pull cursor counts these. */
  seq: z.number().int().positive(),
  /** Server time the change was recorded. */
  at: z.iso.datetime({ offset: true }),
  /**
   * When the change counts from (differs from `at` after offline work): the client's time,
   * bounded by the server (core `boundClientTime`: never ahead of the server, before the
   * offline window, or before the case's last change).
   */
  clientAt: z.iso.datetime({ offset: true }),
  /**
   * The client's own clock, kept when the server moved `clientAt` or the claim is far off,
   * so the history can flag the skew. Absent otherwise (and on events from before it).
   */
  claimedClientAt: z.iso.datetime({ offset: true }).optional(),
  actorId: z.string(),
  deviceId: z.string(),
  /** The client mutation that produced it; null for server-made events. */
  mutationId: idSchema.nullable(),
  change: caseChangeSchema,
});
export type CaseEvent = z.infer<typeof caseEventSchema>;
