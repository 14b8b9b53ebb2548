import { z } from 'zod';
import type { CaseChange } from './case-change';
import type { CaseStatus, Priority } from './case-vocabulary';
import { prioritySchema } from './case-vocabulary';

/**
 * The facts of a case's history that the SLA clock reads (structurally the SLA module's
 * `SlaTimelineEntry`). The reducer appends them as events are applied, so every case carries
 * its own exact timeline: the board computes SLA states from records alone, and a changed
 * calendar or target recomputes every case, past ones included. `at` is epoch ms.
 */
export const slaFactSchema = z.discriminatedUnion('kind', [
  z.object({ at: z.number(), kind: z.literal('created'), priority: prioritySchema }),
  z.object({ at: z.number(), kind: z.literal('priorityChanged'), priority: prioritySchema }),
  z.object({ at: z.number(), kind: z.literal('paused') }),
  z.object({ at: z.number(), kind: z.literal('resumed') }),
  z.object({ at: z.number(), kind: z.literal('responded') }),
  z.object({ at: z.number(), kind: z.literal('resolved') }),
  z.object({ at: z.number(), kind: z.literal('reopened') }),
]);
export type SlaFact = z.infer<typeof slaFactSchema>;

const finished = (status: CaseStatus) => status === 'resolved' || status === 'closed';

/** What one applied change means for the SLA clocks. */
export function slaFactsOf(
  before: { status: CaseStatus; priority: Priority; responded: boolean } | null,
  change: CaseChange,
  isResponse: boolean,
  at: number,
): SlaFact[] {
  if (change.type === 'created') return [{ at, kind: 'created', priority: change.priority }];
  if (!before) return [];
  const facts: SlaFact[] = [];
  if (isResponse && !before.responded) facts.push({ at, kind: 'responded' });
  if (change.type === 'prioritySet' && change.priority !== before.priority) {
    facts.push({ at, kind: 'priorityChanged', priority: change.priority });
  }
  const nextStatus: CaseStatus | null =
    change.type === 'statusChanged' ? change.status : change.type === 'merged' ? 'closed' : null;
  if (nextStatus && nextStatus !== before.status) {
    if (before.status === 'waiting') facts.push({ at, kind: 'resumed' });
    if (nextStatus === 'waiting') facts.push({ at, kind: 'paused' });
    if (finished(nextStatus) && !finished(before.status)) facts.push({ at, kind: 'resolved' });
    if (!finished(nextStatus) && finished(before.status)) facts.push({ at, kind: 'reopened' });
  }
  return facts;
}
