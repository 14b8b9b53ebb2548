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
  /** Client time the change was made (differs from `at` after offline work). */
  clientAt: z.iso.datetime({ offset: true }),
  actorId: z.string(),
  deviceId: z.string(),
  /** The client mutation that produced it; null for server-made events. */
  mutationId: idSchema.nullable(),
  change: caseChangeSchema,
});
export type CaseEvent = z.infer<typeof caseEventSchema>;
