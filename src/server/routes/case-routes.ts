/**
 * Cases over REST. Reads are plain queries; writes wrap a server-made mutation and go
 * through the same `applyMutation` path as sync pushes, so rules, conflicts and the audit
 * log are the same whichever way a change arrives.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { caseChangeSchema, caseCreatedSchema, idSchema } from '../../core/case';
import type { Mutation, MutationResult } from '../../core/sync';
import { requireUser } from '../auth/require-user';
import {
  caseEvents,
  caseListQuerySchema,
  eventBySeq,
  listCases,
  loadCase,
} from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { AppEnv } from '../http/app-env';
import {
  badRequest,
  HttpProblem,
  notFound,
  parseBody,
  parseInput,
  parseQuery,
} from '../http/problem';
import type { ServerContext } from '../server-context';

export const createCaseRequestSchema = caseCreatedSchema.omit({ type: true }).extend({
  /** Optional client-chosen id (UUID); the server makes one otherwise. */
  id: idSchema.optional(),
});

export const changeCaseRequestSchema = z.object({
  change: caseChangeSchema.refine((c) => c.type !== 'created', 'use POST /cases to create'),
  /** The case version the change was based on; omitted = the current version (no conflicts). */
  baseVersion: z.number().int().nonnegative().optional(),
});

/** HTTP status of a refused mutation. Unknown and invisible cases look the same: 404. */
export function statusOfRejection(result: MutationResult): ContentfulStatusCode {
  if (result.rule === 'case.notFound' || result.rule === 'access.notVisible') return 404;
  if (result.rule === 'case.alreadyExists' || result.rule === 'mutation.idReused') return 409;
  if (result.rule && /^(requester|access)\./.test(result.rule)) return 403;
  return 422;
}

export function rejectionProblem(result: MutationResult): HttpProblem {
  const status = statusOfRejection(result);
  const titles: Record<number, string> = {
    404: 'Not found',
    403: 'Forbidden',
    409: 'Conflict',
    422: 'Unprocessable content',
  };
  const title = titles[status] ?? 'Refused';
  return new HttpProblem(status, title, result.reason ?? 'refused', {
    ...(result.rule ? { rule: result.rule } : {}),
  });
}

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

export function caseRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));

  app.get('/', async (c) => {
    const query = parseQuery(c, caseListQuerySchema);
    return c.json(await listCases(ctx, c.get('actor'), query));
  });

  app.post('/', async (c) => {
    const { id, ...fields } = await parseBody(c, createCaseRequestSchema);
    const session = c.get('session');
    const mutation: Mutation = {
      mutationId: idempotencyKey(c.req.header('idempotency-key')),
      caseId: id ?? randomUUID(),
      baseVersion: 0,
      clientAt: ctx.now().toISOString(),
      change: { type: 'created', ...fields },
    };
    const outcome = await applyMutation(ctx, c.get('actor'), session.deviceId, mutation);
    if (outcome.result.status !== 'applied') throw rejectionProblem(outcome.result);
    // A retried request (same Idempotency-Key) gets the case its first attempt created.
    const event = outcome.event ?? (await eventBySeq(ctx, outcome.result.seq!));
    const record = outcome.record ?? (await loadCase(ctx, event!.caseId));
    return c.json({ case: record, event }, 201, { location: `/api/v1/cases/${record!.id}` });
  });

  app.get('/:id', async (c) => {
    const id = parseInput(z.string().min(1).max(100), c.req.param('id'), 'path');
    const actor = c.get('actor');
    const record = await loadCase(ctx, id);
    if (!record || !mayReadCase(ctx, actor, record)) throw notFound('no such case');
    return c.json({ case: record, events: await caseEvents(ctx, actor, record.id) });
  });

  app.post('/:id/changes', async (c) => {
    const caseId = parseInput(idSchema, c.req.param('id'), 'path');
    const body = await parseBody(c, changeCaseRequestSchema);
    const actor = c.get('actor');
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
    const record = outcome.record ?? (await loadCase(ctx, caseId));
    return c.json({ result, case: record }, result.status === 'conflict' ? 409 : 200);
  });

  return app;
}
