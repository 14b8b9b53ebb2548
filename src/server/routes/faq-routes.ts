/**
 * Frequently asked questions: `GET /api/v1/faq[?q=text]` for everyone signed in, and create,
 * change and delete for team leaders and admins. Payloads and search are core's
 * (src/core/content/faq-article.ts), shared with the portal.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { type FaqArticle, faqArticleInputSchema, matchesFaq } from '../../core/content';
import { requireRole, requireUser } from '../auth/require-user';
import type { FaqArticlesTable } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, notFound, parseBody, parseInput, parseQuery } from '../http/problem';
import type { ServerContext } from '../server-context';

const faqQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
});

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

export function faqRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));
  const writers = requireRole('teamLeader', 'admin');

  const checkCategory = (categoryId: string | null) => {
    if (categoryId !== null && !ctx.config.categories.some((cat) => cat.id === categoryId)) {
      throw badRequest(`unknown category: ${categoryId}`, [
        { path: 'body.categoryId', message: `unknown category: ${categoryId}` },
      ]);
    }
  };

  app.get('/', async (c) => {
    const { q } = parseQuery(c, faqQuerySchema);
    const rows = await ctx.db
      .selectFrom('faq_articles')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('question')
      .execute();
    return c.json({ articles: rows.map(toArticle).filter((a) => matchesFaq(a, q)) });
  });

  app.post('/', writers, async (c) => {
    const input = await parseBody(c, faqArticleInputSchema);
    checkCategory(input.categoryId);
    const row: FaqArticlesTable = {
      id: randomUUID(),
      question: input.question,
      answer: input.answer,
      category_id: input.categoryId,
      sort_order: input.sortOrder,
      updated_by: c.get('actor').id,
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db.insertInto('faq_articles').values(row).execute();
    return c.json({ article: toArticle(row) }, 201, { location: `/api/v1/faq/${row.id}` });
  });

  app.put('/:id', writers, async (c) => {
    const id = parseInput(z.uuid(), c.req.param('id'), 'path');
    const input = await parseBody(c, faqArticleInputSchema);
    checkCategory(input.categoryId);
    const row: FaqArticlesTable = {
      id,
      question: input.question,
      answer: input.answer,
      category_id: input.categoryId,
      sort_order: input.sortOrder,
      updated_by: c.get('actor').id,
      updated_at: ctx.now().toISOString(),
    };
    const { id: _, ...changes } = row;
    const result = await ctx.db
      .updateTable('faq_articles')
      .set(changes)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('no such article');
    return c.json({ article: toArticle(row) });
  });

  app.delete('/:id', writers, async (c) => {
    const id = parseInput(z.uuid(), c.req.param('id'), 'path');
    const result = await ctx.db.deleteFrom('faq_articles').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('no such article');
    return c.body(null, 204);
  });

  return app;
}
