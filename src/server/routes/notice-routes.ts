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
  type NoticeInput,
  noticeConcerns,
  noticeSchema,
  noticeSeveritySchema,
} from '@core/content';
import { adminChange, auditActorOf } from '../admin/admin-change';
import { currentCategories } from '../content/category-store';
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
    categoryIds: JSON.parse(row.category_ids ?? '[]') as string[],
    translations: noticeSchema.shape.translations.parse(JSON.parse(row.translations ?? '{}')),
    ...window,
    active: isNoticeInForce(window, now),
    updatedAt: row.updated_at,
  };
}

export const noticesKey = 'notices';

/** The stored columns of a notice as written. */
function columnsOf(input: NoticeInput) {
  return {
    title: input.title,
    body: input.body,
    severity: input.severity,
    municipality_ids: JSON.stringify(input.municipalityIds),
    category_ids: JSON.stringify(input.categoryIds),
    translations: JSON.stringify(input.translations),
    valid_from: new Date(input.validFrom).toISOString(),
    valid_to: input.validTo === null ? null : new Date(input.validTo).toISOString(),
  };
}

export function mountNoticeRoutes(app: AppRouter, ctx: ServerContext): void {
  const check = async (input: NoticeInput) => {
    const errors: Array<{ path: string; message: string }> = [];
    const unknown = input.municipalityIds.filter((id) => !ctx.directory.find(id));
    if (unknown.length > 0) {
      errors.push({
        path: 'body.municipalityIds',
        message: `unknown municipality: ${unknown.join(', ')}`,
      });
    }
    const categories = new Set((await currentCategories(ctx)).map((c) => c.id));
    const unknownCategories = input.categoryIds.filter((id) => !categories.has(id));
    if (unknownCategories.length > 0) {
      errors.push({
        path: 'body.categoryIds',
        message: `unknown category: ${unknownCategories.join(', ')}`,
      });
    }
    if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
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
    await check(input);
    const now = ctx.now().toISOString();
    const row: NoticesTable = {
      id: randomUUID(),
      ...columnsOf(input),
      created_by: c.get('actor').id,
      created_at: now,
      updated_at: now,
    };
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      await trx.insertInto('notices').values(row).execute();
      return {
        result: row,
        audit: {
          action: 'notice.create',
          targetType: 'notice',
          targetId: row.id,
          summary: `published notice "${input.title}" (${input.severity}) from ${row.valid_from}`,
          details: { after: input },
        },
        announce: noticesKey,
      };
    });
    return reply(
      201,
      { notice: toNotice(row, ctx.now()) },
      { location: `/api/v1/notices/${row.id}` },
    );
  });

  mountRoute(app, ctx, updateNotice, async ({ c, params, body: input, reply }) => {
    await check(input);
    const row = await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('notices')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!before) throw notFound('no such notice');
      await trx
        .updateTable('notices')
        .set({ ...columnsOf(input), updated_at: ctx.now().toISOString() })
        .where('id', '=', params.id)
        .execute();
      const after = await trx
        .selectFrom('notices')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirstOrThrow();
      return {
        result: after,
        audit: {
          action: 'notice.update',
          targetType: 'notice',
          targetId: params.id,
          summary: `changed notice "${input.title}"`,
          details: { before: toNotice(before, ctx.now()), after: input },
        },
        announce: noticesKey,
      };
    });
    return reply(200, { notice: toNotice(row, ctx.now()) });
  });

  mountRoute(app, ctx, deleteNotice, async ({ c, params, reply }) => {
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('notices')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!before) throw notFound('no such notice');
      await trx.deleteFrom('notices').where('id', '=', params.id).execute();
      return {
        result: null,
        audit: {
          action: 'notice.delete',
          targetType: 'notice',
          targetId: params.id,
          summary: `withdrew notice "${before.title}"`,
          // The whole notice stays in the log: deleting it removes no history.
          details: { before: toNotice(before, ctx.now()) },
        },
        announce: noticesKey,
      };
    });
    return reply(204, undefined);
  });
}
