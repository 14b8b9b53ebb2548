/**
 * Frequently asked questions: `GET /api/v1/faq[?q=text]` for everyone signed in, and create,
 * change and delete for team leaders and admins. Payloads and search are core's
 * (src/core/content/faq-article.ts), shared with the portal.
 */
import { randomUUID } from 'node:crypto';
import { createFaq, deleteFaq, listFaq, updateFaq } from '@core/api';
import type { FaqArticleInput } from '@core/content';
import { type FaqArticle, matchesFaq } from '@core/content';
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
    sortOrder: Number(row.sort_order),
    updatedAt: row.updated_at,
  };
}

export function mountFaqRoutes(app: AppRouter, ctx: ServerContext): void {
  const checkCategory = (categoryId: string | null) => {
    if (categoryId !== null && !ctx.config.categories.some((cat) => cat.id === categoryId)) {
      throw badRequest(`unknown category: ${categoryId}`, [
        { path: 'body.categoryId', message: `unknown category: ${categoryId}` },
      ]);
    }
  };
  const rowOf = (id: string, input: FaqArticleInput, by: string): FaqArticlesTable => ({
    id,
    question: input.question,
    answer: input.answer,
    category_id: input.categoryId,
    sort_order: input.sortOrder,
    updated_by: by,
    updated_at: ctx.now().toISOString(),
  });

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
    checkCategory(body.categoryId);
    const row = rowOf(randomUUID(), body, c.get('actor').id);
    await ctx.db.insertInto('faq_articles').values(row).execute();
    return reply(201, { article: toArticle(row) }, { location: `/api/v1/faq/${row.id}` });
  });

  mountRoute(app, ctx, updateFaq, async ({ c, params, body, reply }) => {
    checkCategory(body.categoryId);
    const row = rowOf(params.id, body, c.get('actor').id);
    const { id: _, ...changes } = row;
    const result = await ctx.db
      .updateTable('faq_articles')
      .set(changes)
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('no such article');
    return reply(200, { article: toArticle(row) });
  });

  mountRoute(app, ctx, deleteFaq, async ({ params, reply }) => {
    const result = await ctx.db
      .deleteFrom('faq_articles')
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('no such article');
    return reply(204, undefined);
  });
}
