import { z } from 'zod';
import type { Locale } from '../config/localized-text';
import { type InLocale, inLocale, translationsSchema } from './localized-content';

/** An article's question and answer in one language. */
export const faqTextSchema = z.object({
  question: z.string().trim().max(500).default(''),
  answer: z.string().trim().max(10_000).default(''),
});
export type FaqText = z.infer<typeof faqTextSchema>;

/**
 * Frequently asked questions: short answers end users find in the portal before they report
 * a case. Team leaders and admins write them; everyone signed in reads them. Not scoped by
 * municipality: the service is the same for all of them.
 */

/** An article as a team leader or admin writes it (POST and PUT `/api/v1/faq`). */
export const faqArticleInputSchema = z
  .object({
    /** The question in Nynorsk. */
    question: z.string().trim().min(1, 'question is required').max(500),
    /** The answer in Nynorsk. */
    answer: z.string().trim().min(1, 'answer is required').max(10_000),
    /** The problem category it belongs to first (core/config), or none. */
    categoryId: z.string().min(1).nullable().default(null),
    /** Every problem category it belongs to (the portal suggests it with their forms). */
    categoryIds: z.array(z.string().min(1)).max(50).default([]),
    /** Bokmål and English versions; a missing language falls back to Nynorsk, said so. */
    translations: translationsSchema(faqTextSchema),
    /** Lower first; ties are ordered by question. */
    sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  })
  .superRefine((a, ctx) => {
    for (const locale of ['nb', 'en'] as const) {
      const text = a.translations[locale];
      for (const key of ['question', 'answer'] as const) {
        if (text && text[key] === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['translations', locale, key],
            message: `a translation needs ${key === 'question' ? 'a question' : 'an answer'}`,
          });
        }
      }
    }
  });
export type FaqArticleInput = z.infer<typeof faqArticleInputSchema>;

/** An article as the API returns it (`GET /api/v1/faq`). */
export const faqArticleSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  categoryId: z.string().nullable().default(null),
  categoryIds: z.array(z.string()).default([]),
  translations: z
    .object({ nb: faqTextSchema.optional(), en: faqTextSchema.optional() })
    .default({}),
  sortOrder: z.number().int().default(0),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FaqArticle = z.infer<typeof faqArticleSchema>;

/**
 * Does the article match a search? Every word must occur in the question or the answer, in
 * any of the languages it is written in.
 */
export function matchesFaq(
  article: Pick<FaqArticle, 'question' | 'answer'> & { translations?: FaqArticle['translations'] },
  query: string | undefined,
): boolean {
  const words = (query ?? '').toLocaleLowerCase('nn').split(/\s+/).filter(Boolean);
  const texts = [article.question, article.answer];
  for (const t of Object.values(article.translations ?? {})) {
    if (t) texts.push(t.question, t.answer);
  }
  const text = texts.join(' ').toLocaleLowerCase('nn');
  return words.every((word) => text.includes(word));
}

/** The categories of an article: `categoryIds`, with the older single `categoryId` first. */
export function faqCategoryIds(
  article: Pick<FaqArticle, 'categoryId'> & { categoryIds?: readonly string[] },
): string[] {
  const ids = [...(article.categoryId ? [article.categoryId] : []), ...(article.categoryIds ?? [])];
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

/** Articles for a category (the portal's suggestions beside the report form), in order. */
export function faqForCategory<
  A extends Pick<FaqArticle, 'categoryId'> & { categoryIds?: readonly string[] },
>(articles: readonly A[], categoryId: string): A[] {
  return articles.filter((a) => faqCategoryIds(a).includes(categoryId));
}

/** The question and answer in the reader's language, or in Nynorsk with `fallback` set. */
export function faqText(
  article: Pick<FaqArticle, 'question' | 'answer'> & { translations?: FaqArticle['translations'] },
  locale: Locale,
): InLocale<FaqText> {
  return inLocale(
    { question: article.question, answer: article.answer },
    article.translations,
    locale,
  );
}
