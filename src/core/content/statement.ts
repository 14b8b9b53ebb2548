import { z } from 'zod';
import type { Locale } from '../config/localized-text';
import { type InLocale, inLocale, translationsSchema } from './localized-content';

/**
 * The statements the portal must carry: the accessibility statement
 * (tilgjengelegheitserklæring, required of public bodies by the WCAG regulations) and the
 * privacy statement. Team leaders and admins edit them in the app; the portal shows them to
 * anyone, signed in or not.
 */
export const statementKinds = ['accessibility', 'privacy'] as const;
export const statementKindSchema = z.enum(statementKinds);
export type StatementKind = z.infer<typeof statementKindSchema>;

export const statementTextSchema = z.object({
  title: z.string().trim().max(200).default(''),
  body: z.string().trim().max(50_000).default(''),
});
export type StatementText = z.infer<typeof statementTextSchema>;

export const statementInputSchema = z
  .object({
    /** The title in Nynorsk. */
    title: z.string().trim().min(1, 'title is required').max(200),
    /** The text in Nynorsk; blank lines separate paragraphs. */
    body: z.string().trim().min(1, 'body is required').max(50_000),
    translations: translationsSchema(statementTextSchema),
  })
  .superRefine((s, ctx) => {
    for (const locale of ['nb', 'en'] as const) {
      const text = s.translations[locale];
      for (const key of ['title', 'body'] as const) {
        if (text && text[key] === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['translations', locale, key],
            message: `a translation needs a ${key === 'title' ? 'title' : 'text'}`,
          });
        }
      }
    }
  });
export type StatementInput = z.infer<typeof statementInputSchema>;

export const statementSchema = z.object({
  kind: statementKindSchema,
  title: z.string(),
  body: z.string(),
  translations: z
    .object({ nb: statementTextSchema.optional(), en: statementTextSchema.optional() })
    .default({}),
  /** Null while the statement has never been written (the portal then says so). */
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Statement = z.infer<typeof statementSchema>;

export function statementText(
  statement: Pick<Statement, 'title' | 'body' | 'translations'>,
  locale: Locale,
): InLocale<StatementText> {
  return inLocale({ title: statement.title, body: statement.body }, statement.translations, locale);
}

/** Paragraphs of a statement's text: separated by blank lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
