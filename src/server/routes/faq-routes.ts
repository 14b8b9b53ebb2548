/**
 * Frequently asked questions: `GET /api/v1/faq[?q=text]` for everyone signed in, and create,
 * change and delete for team leaders and admins. Payloads and search are core's
 * (src/core/content/faq-article.ts), shared with the portal.
 */
import { randomUUID } from 'node:crypto';
import { createFaq, deleteFaq, listFaq, updateFaq } from '@core/api';
import type { FaqArticleInput } from '@core/content';
import { type FaqArticle, faqArticleSchema, faqCategoryIds, matchesFaq } from '@core/content';
import { adminChange, auditActorOf } from '../admin/admin-change';
import { currentCategories } from '../content/category-store';
import type { FaqArticlesTable } from '../db/schema';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';

/** A stored article as the API returns it (core's `faqArticleSchema`). */
function toArticle(row: FaqArticlesTable): FaqArticle {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    categoryId: row.category_id,
    categoryIds: JSON.parse(row.category_ids ?? '[]') as string[],
    translations: faqArticleSchema.shape.translations.parse(JSON.parse(row.translations ?? '{}')),
    sortOrder: Number(row.sort_order),
    updatedAt: row.updated_at,
  };
}

export const faqKey = 'faq';

export function mountFaqRoutes(app: AppRouter, ctx: ServerContext): void {
  const checkCategories = async (input: FaqArticleInput) => {
    const known = new Set((await currentCategories(ctx)).map((c) => c.id));
    const errors: Array<{ path: string; message: string }> = [];
    if (input.categoryId !== null && !known.has(input.categoryId)) {
      errors.push({ path: 'body.categoryId', message: `unknown category: ${input.categoryId}` });
    }
    input.categoryIds.forEach((id, i) => {
      if (!known.has(id)) {
        errors.push({ path: `body.categoryIds.${i}`, message: `unknown category: ${id}` });
      }
    });
    if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
  };
  const rowOf = (id: string, input: FaqArticleInput, by: string): FaqArticlesTable => {
    const categoryIds = faqCategoryIds(input);
    return {
      id,
      question: input.question,
      answer: input.answer,
      category_id: categoryIds[0] ?? null,
      category_ids: JSON.stringify(categoryIds),
      translations: JSON.stringify(input.translations),
      sort_order: input.sortOrder,
      updated_by: by,
      updated_at: ctx.now().toISOString(),
    };
  };

  mountRoute(app, ctx, listFaq, async ({ query, reply }) => {
    const rows = await ctx.db
      .selectFrom('faq_articles')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('question')
      .execute();
    return reply(200, { articles: rows.map(toArticle).filter((a) => matchesFaq(a, query.q)) });
  });

  mountRoute(app, ctx, createFaq, async ({ c, body, reply }) => {
    await checkCategories(body);
    const row = rowOf(randomUUID(), body, c.get('actor').id);
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      await trx.insertInto('faq_articles').values(row).execute();
      return {
        result: row,
        audit: {
          action: 'faq.create',
          targetType: 'faq',
          targetId: row.id,
          summary: `published FAQ article "${body.question}"`,
          details: { after: body },
        },
        announce: faqKey,
      };
    });
    return reply(201, { article: toArticle(row) }, { location: `/api/v1/faq/${row.id}` });
  });

  mountRoute(app, ctx, updateFaq, async ({ c, params, body, reply }) => {
    await checkCategories(body);
    const row = rowOf(params.id, body, c.get('actor').id);
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('faq_articles')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!before) throw notFound('no such article');
      const { id: _, ...changes } = row;
      await trx.updateTable('faq_articles').set(changes).where('id', '=', params.id).execute();
      return {
        result: row,
        audit: {
          action: 'faq.update',
          targetType: 'faq',
          targetId: params.id,
          summary: `changed FAQ article "${body.question}"`,
          details: { before: toArticle(before), after: body },
        },
        announce: faqKey,
      };
    });
    return reply(200, { article: toArticle(row) });
  });

  mountRoute(app, ctx, deleteFaq, async ({ c, params, reply }) => {
    await adminChange(ctx, auditActorOf(c), async (trx) => {
      const before = await trx
        .selectFrom('faq_articles')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!before) throw notFound('no such article');
      await trx.deleteFrom('faq_articles').where('id', '=', params.id).execute();
      return {
        result: null,
        audit: {
          action: 'faq.delete',
          targetType: 'faq',
          targetId: params.id,
          summary: `removed FAQ article "${before.question}"`,
          details: { before: toArticle(before) },
        },
        announce: faqKey,
      };
    });
    return reply(204, undefined);
  });
}
