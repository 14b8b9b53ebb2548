/**
 * Operational notices (driftsmeldingar): `GET /api/v1/notices` for everyone signed in (the
 * ones in force now, for the reader's municipalities; `?all=true` for team leaders and admins
 * to see past and future ones too), and create, change and delete for team leaders and admins.
 * The payloads and the rules of the validity window and municipality scoping are core's
 * (src/core/content/notice.ts), shared with the portal.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  compareNotices,
  isNoticeInForce,
  type Notice,
  noticeConcerns,
  noticeInputSchema,
  noticeSeveritySchema,
} from '../../core/content';
import { requireRole, requireUser } from '../auth/require-user';
import type { NoticesTable } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, notFound, parseBody, parseInput, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

const noticeQuerySchema = z.object({
  all: z.enum(['true', 'false']).default('false'),
});

/** A stored notice as the API returns it (core's `noticeSchema`), `active` as of `now`. */
function toNotice(row: NoticesTable, now: Date): Notice {
  const window = { validFrom: row.valid_from, validTo: row.valid_to };
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    severity: noticeSeveritySchema.catch('info').parse(row.severity),
    municipalityIds: JSON.parse(row.municipality_ids) as string[],
    ...window,
    active: isNoticeInForce(window, now),
    updatedAt: row.updated_at,
  };
}

export function noticeRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));
  const writers = requireRole('teamLeader', 'admin');

  const checkMunicipalities = (ids: readonly string[]) => {
    const unknown = ids.filter((id) => !ctx.config.municipalities.some((m) => m.id === id));
    if (unknown.length > 0) {
      throw badRequest(`unknown municipality: ${unknown.join(', ')}`, [
        { path: 'body.municipalityIds', message: `unknown municipality: ${unknown.join(', ')}` },
      ]);
    }
  };

  app.get('/', async (c) => {
    const query = parseQuery(c, noticeQuerySchema);
    const actor = c.get('actor');
    const all = query.all === 'true' && (actor.role === 'teamLeader' || actor.role === 'admin');
    const now = ctx.now();
    const rows = await ctx.db.selectFrom('notices').selectAll().execute();
    const notices = rows
      .map((row) => toNotice(row, now))
      .filter((n) => all || n.active)
      // Requesters and consultants see notices for their municipalities and the general ones.
      .filter((n) => all || noticeConcerns(n, actor.municipalityIds))
      .sort(compareNotices);
    return c.json({ notices });
  });

  app.post('/', writers, async (c) => {
    const input = await parseBody(c, noticeInputSchema);
    checkMunicipalities(input.municipalityIds);
    const now = ctx.now().toISOString();
    const row: NoticesTable = {
      id: randomUUID(),
      title: input.title,
      body: input.body,
      severity: input.severity,
      municipality_ids: JSON.stringify(input.municipalityIds),
      valid_from: new Date(input.validFrom).toISOString(),
      valid_to: input.validTo === null ? null : new Date(input.validTo).toISOString(),
      created_by: c.get('actor').id,
      created_at: now,
      updated_at: now,
    };
    await ctx.db.insertInto('notices').values(row).execute();
    return c.json({ notice: toNotice(row, ctx.now()) }, 201, {
      location: `/api/v1/notices/${row.id}`,
    });
  });

  app.put('/:id', writers, async (c) => {
    const id = parseInput(z.uuid(), c.req.param('id'), 'path');
    const input = await parseBody(c, noticeInputSchema);
    checkMunicipalities(input.municipalityIds);
    const result = await ctx.db
      .updateTable('notices')
      .set({
        title: input.title,
        body: input.body,
        severity: input.severity,
        municipality_ids: JSON.stringify(input.municipalityIds),
        valid_from: new Date(input.validFrom).toISOString(),
        valid_to: input.validTo === null ? null : new Date(input.validTo).toISOString(),
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('no such notice');
    const row = await ctx.db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return c.json({ notice: toNotice(row, ctx.now()) });
  });

  app.delete('/:id', writers, async (c) => {
    const id = parseInput(z.uuid(), c.req.param('id'), 'path');
    const result = await ctx.db.deleteFrom('notices').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('no such notice');
    return c.body(null, 204);
  });

  return app;
}
