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
import { Hono } from 'hono';
import { type MutationResult, pullQuerySchema, pushRequestSchema } from '../../core/sync';
import { requireUser } from '../auth/require-user';
import { pullPage } from '../cases/case-queries';
import { applyMutations } from '../cases/mutation-service';
import { headSeq } from '../db/write-lock';
import type { AppEnv } from '../http/app-env';
import { parseBody, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

export function syncRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));

  app.post('/push', async (c) => {
    const body = await parseBody(c, pushRequestSchema);
    const actor = c.get('actor');
    const outcomes = await applyMutations(ctx, actor, body.deviceId, body.mutations);
    const results: MutationResult[] = outcomes.map((outcome) => outcome.result);
    const cursor = await headSeq(ctx.db);
    return c.json({ results, cursor });
  });

  app.get('/pull', async (c) => {
    const query = parseQuery(c, pullQuerySchema);
    const page = await pullPage(ctx, c.get('actor'), query.after, query.limit);
    const head = await headSeq(ctx.db);
    ctx.metrics.headSeq = Math.max(ctx.metrics.headSeq, head);
    ctx.metrics.recordPull(query.after, head);
    return c.json({ ...page, head: Math.max(head, page.cursor) });
  });

  return app;
}
