/**
 * Sync: push a batch of mutations (idempotent by mutation id; each one decided on its own)
 * and pull the changes after a cursor. A push responds only after every applied mutation is
 * committed, so an acknowledged mutation survives a crash.
 *
 * Pull returns the events after the cursor of the cases the caller may read now. When an
 * event in the page makes a case readable to the caller (escalated and then assigned to a
 * consultant of another municipality, moved to their municipality, a requester's account put
 * on it), the page also carries that case's earlier events, every one with seq ≤ the page's
 * cursor that the caller may read (requesters: no internal comments, no worklog), since the
 * client was never given them. So `events` may start at or below `after`; it is always in
 * sequence order, and an event may come again (clients store events by id). See `pullPage`.
 */
import { pullChanges, pushMutations } from '@core/api';
import type { MutationResult } from '@core/sync';
import { pullPage } from '../cases/case-queries';
import { resultFor } from '../cases/case-view';
import { applyMutations } from '../cases/mutation-service';
import { headSeq } from '../db/write-lock';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { takeWrites } from '../http/write-rate-limit';
import type { ServerContext } from '../server-context';

export function mountSyncRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, pushMutations, async ({ c, body, reply }) => {
    const actor = c.get('actor');
    takeWrites(ctx, actor.id, body.mutations.length);
    // The device is the session's (given at sign-in), not whatever the body names: a client
    // cannot record its changes under another device's id.
    const outcomes = await applyMutations(ctx, actor, c.get('session').deviceId, body.mutations);
    const results: MutationResult[] = outcomes.map((outcome) => resultFor(actor, outcome.result));
    return reply(200, { results, cursor: await headSeq(ctx.db) });
  });

  mountRoute(app, ctx, pullChanges, async ({ c, query, reply }) => {
    const page = await pullPage(ctx, c.get('actor'), query.after, query.limit);
    const head = await headSeq(ctx.db);
    ctx.metrics.headSeq = Math.max(ctx.metrics.headSeq, head);
    ctx.metrics.recordPull(query.after, head);
    return reply(200, { ...page, head: Math.max(head, page.cursor) });
  });
}
