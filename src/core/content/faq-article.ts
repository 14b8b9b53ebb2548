import { z } from 'zod';

/**
 * Frequently asked questions: short answers end users find in the portal before they report
 * a case. Team leaders and admins write them; everyone signed in reads them. Not scoped by
 * municipality: the service is the same for all of them.
 */

/** An article as a team leader or admin writes it (POST and PUT `/api/v1/faq`). */
export const faqArticleInputSchema = z.object({
  question: z.string().trim().min(1, 'question is required').max(500),
  answer: z.string().trim().min(1, 'answer is required').max(10_000),
  /** The problem category it belongs to (core/config), or none. */
  categoryId: z.string().min(1).nullable().default(null),
  /** Lower first; ties are ordered by question. */
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});
export type FaqArticleInput = z.infer<typeof faqArticleInputSchema>;

/** An article as the API returns it (`GET /api/v1/faq`). */
export const faqArticleSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  categoryId: z.string().nullable().default(null),
  sortOrder: z.number().int().default(0),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FaqArticle = z.infer<typeof faqArticleSchema>;

/** Does the article match a search? Every word must occur in the question or the answer. */
export function matchesFaq(
  article: Pick<FaqArticle, 'question' | 'answer'>,
  query: string | undefined,
): boolean {
  const words = (query ?? '').toLocaleLowerCase('nn').split(/\s+/).filter(Boolean);
  const text = `${article.question} ${article.answer}`.toLocaleLowerCase('nn');
  return words.every((word) => text.includes(word));
}
