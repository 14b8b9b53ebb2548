import { z } from 'zod';
import { caseStatusSchema } from '../case/case-vocabulary';
import type { Locale } from '../config/localized-text';
import { type InLocale, inLocale, translationsSchema } from './localized-content';

/**
 * Reply templates: named texts agents insert into a comment, with placeholders the case fills
 * in (`{caseNumber}`, `{requester}`, `{callNumber}` …), per line and category, written in
 * Nynorsk and optionally Bokmål and English, optionally setting the case's status when sent.
 */

/** The placeholders a template may use, and what fills each. */
export const templatePlaceholders = [
  /** The case's number, e.g. 2026-00042. */
  'caseNumber',
  /** The case's title. */
  'caseTitle',
  /** The requester's name. */
  'requester',
  /** The agent writing the reply. */
  'agent',
  /** The number to call now: support in opening hours, on-call outside them. */
  'callNumber',
  /** The requester's municipality. */
  'municipality',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

/** A template's name and text in one language. */
export const templateTextSchema = z.object({
  name: z.string().trim().max(120).default(''),
  body: z.string().trim().max(10_000).default(''),
});
export type TemplateText = z.infer<typeof templateTextSchema>;

const unknownPlaceholder = (body: string): string | undefined =>
  [...body.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1]!)
    .find((name) => !(templatePlaceholders as readonly string[]).includes(name));

/** Statuses a template may set when it is sent (not `new`: a reply is work on the case). */
export const templateStatusSchema = caseStatusSchema.exclude(['new']);

/** A template as a team leader or admin writes it. */
export const replyTemplateInputSchema = z
  .object({
    /** Name in Nynorsk, shown in the agents' list. */
    name: z.string().trim().min(1, 'name is required').max(120),
    /** Text in Nynorsk, with placeholders such as {caseNumber}. */
    body: z.string().trim().min(1, 'body is required').max(10_000),
    translations: translationsSchema(templateTextSchema),
    /** Lines it is offered on; empty = all lines. */
    lines: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3)]))
      .max(3)
      .default([]),
    /** Categories it is offered for; empty = all. */
    categoryIds: z.array(z.string().min(1)).max(50).default([]),
    /** Status the case gets when the reply is sent, or none. */
    setsStatus: templateStatusSchema.nullable().default(null),
    /** Retired templates are no longer offered. */
    retired: z.boolean().default(false),
  })
  .superRefine((t, ctx) => {
    const texts: Array<[string[], string]> = [[['body'], t.body]];
    for (const locale of ['nb', 'en'] as const) {
      const text = t.translations[locale];
      if (!text) continue;
      if (text.name === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', locale, 'name'],
          message: 'a translation needs a name',
        });
      }
      if (text.body === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', locale, 'body'],
          message: 'a translation needs a text',
        });
      }
      texts.push([['translations', locale, 'body'], text.body]);
    }
    for (const [path, body] of texts) {
      const unknown = unknownPlaceholder(body);
      if (unknown) {
        ctx.addIssue({ code: 'custom', path, message: `unknown placeholder {${unknown}}` });
      }
    }
  });
export type ReplyTemplateInput = z.infer<typeof replyTemplateInputSchema>;

export const replyTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  translations: z
    .object({ nb: templateTextSchema.optional(), en: templateTextSchema.optional() })
    .default({}),
  lines: z.array(z.number().int()).default([]),
  categoryIds: z.array(z.string()).default([]),
  setsStatus: templateStatusSchema.nullable().catch(null).default(null),
  retired: z.boolean().default(false),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

/** Templates offered on a case of this line and category: not retired, matching both. */
export function templatesFor<T extends Pick<ReplyTemplate, 'lines' | 'categoryIds' | 'retired'>>(
  templates: readonly T[],
  line: number,
  categoryId: string | null,
): T[] {
  return templates.filter(
    (t) =>
      !t.retired &&
      (t.lines.length === 0 || t.lines.includes(line)) &&
      (t.categoryIds.length === 0 || (categoryId !== null && t.categoryIds.includes(categoryId))),
  );
}

/** The template's name and text in a language, or Nynorsk with `fallback` set. */
export function templateText(
  template: Pick<ReplyTemplate, 'name' | 'body' | 'translations'>,
  locale: Locale,
): InLocale<TemplateText> {
  return inLocale({ name: template.name, body: template.body }, template.translations, locale);
}

/** The text with its placeholders filled; a placeholder without a value stays as written. */
export function fillTemplateText(body: string, values: TemplateValues): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name as TemplatePlaceholder];
    return value === undefined || value === '' ? whole : value;
  });
}
