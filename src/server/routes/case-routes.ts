/**
 * Cases over REST. Reads are plain queries; writes wrap a server-made mutation and go
 * through the same `applyMutation` path as sync pushes, so rules, conflicts and the audit
 * log are the same whichever way a change arrives.
 */
import { randomUUID } from 'node:crypto';
import { changeCase, createCase, getCase, listCases as listCasesRoute } from '@core/api';
import { idSchema } from '@core/case';
import type { Mutation } from '@core/sync';
import { caseEvents, eventBySeq, listCases, loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import { caseFor, eventFor, resultFor } from '../cases/case-view';
import { applyMutation } from '../cases/mutation-service';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import { rejectionProblem } from '../http/rejection-problem';
import { takeWrites } from '../http/write-rate-limit';
import type { ServerContext } from '../server-context';

/**
 * The mutation id of a REST write: the client's `Idempotency-Key` (a UUID) when given, so a
 * retried request is applied once and answered alike; a fresh one otherwise.
 */
function idempotencyKey(header: string | undefined): string {
  if (header === undefined) return randomUUID();
  if (!idSchema.safeParse(header).success) {
    throw badRequest('Idempotency-Key must be a UUID', [
      { path: 'header.idempotency-key', message: 'must be a UUID' },
    ]);
  }
  return header;
}

export function mountCaseRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, listCasesRoute, async ({ c, query, reply }) =>
    reply(200, await listCases(ctx, c.get('actor'), query)),
  );

  mountRoute(app, ctx, createCase, async ({ c, body, reply }) => {
    const { id, ...fields } = body;
    const session = c.get('session');
    takeWrites(ctx, session.user.id, 1);
    const mutationId = idempotencyKey(c.req.header('idempotency-key'));
    const mutation: Mutation = {
      mutationId,
      // A retry (same key) must ask for the same case, or it is another body under the key.
      caseId: id ?? (c.req.header('idempotency-key') ? mutationId : randomUUID()),
      baseVersion: 0,
      clientAt: ctx.now().toISOString(),
      change: { type: 'created', ...fields },
    };
    const outcome = await applyMutation(ctx, c.get('actor'), session.deviceId, mutation);
    if (outcome.result.status !== 'applied') throw rejectionProblem(outcome.result);
    // A retried request (same Idempotency-Key) gets the case its first attempt created.
    const event = outcome.event ?? (await eventBySeq(ctx, outcome.result.seq!));
    const record = outcome.record ?? (await loadCase(ctx, event!.caseId));
    const actor = c.get('actor');
    return reply(
      201,
      { case: caseFor(actor, record!), event: eventFor(actor, event!) },
      { location: `/api/v1/cases/${record!.id}` },
    );
  });

  mountRoute(app, ctx, getCase, async ({ c, params, reply }) => {
    const actor = c.get('actor');
    const record = await loadCase(ctx, params.id);
    if (!record || !mayReadCase(ctx, actor, record)) throw notFound('no such case');
    return reply(200, {
      case: caseFor(actor, record),
      events: await caseEvents(ctx, actor, record.id),
    });
  });

  mountRoute(app, ctx, changeCase, async ({ c, params, body, reply }) => {
    const caseId = params.id;
    const actor = c.get('actor');
    takeWrites(ctx, actor.id, 1);
    const current = await loadCase(ctx, caseId);
    if (!current || !mayReadCase(ctx, actor, current)) throw notFound('no such case');
    const mutation: Mutation = {
      mutationId: idempotencyKey(c.req.header('idempotency-key')),
      caseId,
      baseVersion: body.baseVersion ?? current.version,
      clientAt: ctx.now().toISOString(),
      change: body.change,
    };
    const outcome = await applyMutation(ctx, actor, c.get('session').deviceId, mutation);
    const { result } = outcome;
    if (result.status === 'rejected') throw rejectionProblem(result);
    const record = caseFor(actor, (outcome.record ?? (await loadCase(ctx, caseId)))!);
    const seen = resultFor(actor, result);
    return seen.status === 'conflict'
      ? reply(409, { result: seen, case: record })
      : reply(200, { result: seen, case: record });
  });
}
