/**
 * Reply templates: read by staff (the comment box offers them), written by team leaders and
 * admins (audited, announced). Retired, never deleted.
 */
import { randomUUID } from 'node:crypto';
import { createReplyTemplate, listReplyTemplates, updateReplyTemplate } from '@core/api';
import { type ReplyTemplate, type ReplyTemplateInput, replyTemplateSchema } from '@core/content';
import { currentCategories } from '../content/category-store';
import type { ReplyTemplatesTable } from '../db/schema';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';
import { adminChange, auditActorOf } from './admin-change';

export const templatesKey = 'templates';

function toTemplate(row: ReplyTemplatesTable): ReplyTemplate {
  return replyTemplateSchema.parse({
    ...(JSON.parse(row.definition) as ReplyTemplateInput),
    id: row.id,
    updatedAt: row.updated_at,
  });
}

export function mountTemplateRoutes(app: AppRouter, ctx: ServerContext): void {
  const checkCategories = async (ids: readonly string[]) => {
    const known = new Set((await currentCategories(ctx)).map((c) => c.id));
    const errors = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, i }) => ({ path: `body.categoryIds.${i}`, message: `unknown category: ${id}` }));
    if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
  };

  mountRoute(app, ctx, listReplyTemplates, async ({ reply }) => {
    const rows = await ctx.db.selectFrom('reply_templates').selectAll().execute();
    const templates = rows.map(toTemplate).sort((a, b) => a.name.localeCompare(b.name, 'nn'));
    return reply(200, { templates });
  });

  mountRoute(app, ctx, createReplyTemplate, async ({ c, body, reply }) => {
    await checkCategories(body.categoryIds);
    const row: ReplyTemplatesTable = {
      id: randomUUID(),
      definition: JSON.stringify(body),
      updated_by: c.get('actor').id,
      updated_at: ctx.now().toISOString(),
    };
    const template = await adminChange(ctx, auditActorOf(c), async (trx) => {
      await trx.insertInto('reply_templates').values(row).execute();
      return {
        result: toTemplate(row),
        audit: {
          action: 'template.create',
          targetType: 'template',
          targetId: row.id,
          summary: `added reply template "${body.name}"`,
          details: { after: body },
        },
        announce: templatesKey,
      };
    });
    return reply(201, { template }, { location: `/api/v1/templates/${row.id}` });
  });

  mountRoute(app, ctx, updateReplyTemplate, async ({ c, params, body, reply }) => {
    await checkCategories(body.categoryIds);
    const template = await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('reply_templates')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!before) throw notFound('no such template');
      const row: ReplyTemplatesTable = {
        id: params.id,
        definition: JSON.stringify(body),
        updated_by: c.get('actor').id,
        updated_at: ctx.now().toISOString(),
      };
      const { id: _, ...changes } = row;
      await trx.updateTable('reply_templates').set(changes).where('id', '=', params.id).execute();
      const old = JSON.parse(before.definition) as ReplyTemplateInput;
      return {
        result: toTemplate(row),
        audit: {
          action: body.retired && !old.retired ? 'template.retire' : 'template.update',
          targetType: 'template',
          targetId: params.id,
          summary: `${body.retired && !old.retired ? 'retired' : 'changed'} reply template "${body.name}"`,
          details: { before: old, after: body },
        },
        announce: templatesKey,
      };
    });
    return reply(200, { template });
  });
}
