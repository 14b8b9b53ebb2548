/**
 * Operational notices (driftsmeldingar): `GET /api/v1/notices` for everyone signed in (the
 * ones in force now, for the reader's municipalities; `?all=true` for team leaders and admins
 * to see past and future ones too), and create, change and delete for team leaders and admins.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole, requireUser } from '../auth/require-user';
import type { NoticesTable } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, notFound, parseBody, parseInput, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

/** How serious a notice is; `critical` is an outage, `warning` a disturbance. */
export const noticeSeveritySchema = z.enum(['info', 'warning', 'critical']);

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with offset' });

export const noticeInputSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(300),
    body: z.string().trim().max(4_000).default(''),
    severity: noticeSeveritySchema.default('info'),
    /** Municipalities the notice concerns; empty = every municipality. */
    municipalityIds: z.array(z.string().min(1)).max(100).default([]),
    validFrom: instant,
    /** Null = until withdrawn. */
    validTo: instant.nullable().default(null),
  })
  .refine((n) => n.validTo === null || Date.parse(n.validTo) > Date.parse(n.validFrom), {
    message: 'validTo must be after validFrom',
    path: ['validTo'],
  });

const noticeQuerySchema = z.object({
  all: z.enum(['true', 'false']).default('false'),
});

/** A notice as the API returns it. */
export interface NoticeDto {
  id: string;
  title: string;
  body: string;
  severity: z.infer<typeof noticeSeveritySchema>;
  municipalityIds: string[];
  validFrom: string;
  validTo: string | null;
  /** In force at the time of the request. */
  active: boolean;
  updatedAt: string;
}

function toDto(row: NoticesTable, now: Date): NoticeDto {
  const t = now.toISOString();
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    severity: noticeSeveritySchema.catch('info').parse(row.severity),
    municipalityIds: JSON.parse(row.municipality_ids) as string[],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: row.valid_from <= t && (row.valid_to === null || row.valid_to > t),
    updatedAt: row.updated_at,
  };
}

const severityOrder = { critical: 0, warning: 1, info: 2 } as const;

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
      .map((row) => toDto(row, now))
      .filter((n) => all || n.active)
      // Requesters and consultants see notices for their municipalities and the general ones.
      .filter(
        (n) =>
          all ||
          actor.municipalityIds.length === 0 ||
          n.municipalityIds.length === 0 ||
          n.municipalityIds.some((id) => actor.municipalityIds.includes(id)),
      )
      .sort(
        (a, b) =>
          severityOrder[a.severity] - severityOrder[b.severity] ||
          b.validFrom.localeCompare(a.validFrom),
      );
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
    return c.json({ notice: toDto(row, ctx.now()) }, 201, {
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
    return c.json({ notice: toDto(row, ctx.now()) });
  });

  app.delete('/:id', writers, async (c) => {
    const id = parseInput(z.uuid(), c.req.param('id'), 'path');
    const result = await ctx.db.deleteFrom('notices').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('no such notice');
    return c.body(null, 204);
  });

  return app;
}
