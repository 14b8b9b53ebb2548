/**
 * Operational notices (driftsmeldingar): `GET /api/v1/notices` for everyone signed in (the
 * ones in force now, for the reader's municipalities; `?all=true` for team leaders and admins
 * to see past and future ones too), and create, change and delete for team leaders and admins.
 * The payloads and the rules of the validity window and municipality scoping are core's
 * (src/core/content/notice.ts), shared with the portal.
 */
import { randomUUID } from 'node:crypto';
import { createNotice, deleteNotice, listNotices, updateNotice } from '@core/api';
import {
  compareNotices,
  isNoticeInForce,
  type Notice,
  noticeConcerns,
  noticeSeveritySchema,
} from '@core/content';
import type { NoticesTable } from '../db/schema';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';

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

export function mountNoticeRoutes(app: AppRouter, ctx: ServerContext): void {
  const checkMunicipalities = (ids: readonly string[]) => {
    const unknown = ids.filter((id) => !ctx.config.municipalities.some((m) => m.id === id));
    if (unknown.length > 0) {
      throw badRequest(`unknown municipality: ${unknown.join(', ')}`, [
        { path: 'body.municipalityIds', message: `unknown municipality: ${unknown.join(', ')}` },
      ]);
    }
  };

  mountRoute(app, ctx, listNotices, async ({ c, query, reply }) => {
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
    return reply(200, { notices });
  });

  mountRoute(app, ctx, createNotice, async ({ c, body: input, reply }) => {
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
    return reply(
      201,
      { notice: toNotice(row, ctx.now()) },
      { location: `/api/v1/notices/${row.id}` },
    );
  });

  mountRoute(app, ctx, updateNotice, async ({ params, body: input, reply }) => {
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
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('no such notice');
    const row = await ctx.db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', params.id)
      .executeTakeFirstOrThrow();
    return reply(200, { notice: toNotice(row, ctx.now()) });
  });

  mountRoute(app, ctx, deleteNotice, async ({ params, reply }) => {
    const result = await ctx.db
      .deleteFrom('notices')
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('no such notice');
    return reply(204, undefined);
  });
}
