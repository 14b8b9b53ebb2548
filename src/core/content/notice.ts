import { z } from 'zod';
import type { Locale } from '../config/localized-text';
import { type InLocale, inLocale, translationsSchema } from './localized-content';

/**
 * Operational notices (driftsmeldingar): what the service tells everybody about outages and
 * disturbances, for a validity window and for some or all municipalities. Team leaders and
 * admins write them; everyone signed in reads those in force that concern them (the portal's
 * front page, the desktop app's banner).
 */

/** How serious a notice is: `critical` is an outage, `warning` a disturbance. */
export const noticeSeverities = ['info', 'warning', 'critical'] as const;
export const noticeSeveritySchema = z.enum(noticeSeverities);
export type NoticeSeverity = z.infer<typeof noticeSeveritySchema>;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with offset' });

/** A notice's text in one language. */
export const noticeTextSchema = z.object({
  title: z.string().trim().max(300).default(''),
  body: z.string().trim().max(4_000).default(''),
});
export type NoticeText = z.infer<typeof noticeTextSchema>;

/** Bokmål and English versions of a notice (title and body); Nynorsk is `title`/`body`. */
export const noticeTranslationsSchema = translationsSchema(noticeTextSchema);

/** A notice as a team leader or admin writes it (POST and PUT `/api/v1/notices`). */
export const noticeInputSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(300),
    body: z.string().trim().max(4_000).default(''),
    severity: noticeSeveritySchema.default('info'),
    /** Municipalities the notice concerns; empty = every municipality. */
    municipalityIds: z.array(z.string().min(1)).max(100).default([]),
    /** Problem categories the notice concerns (shown with the report form); empty = none in particular. */
    categoryIds: z.array(z.string().min(1)).max(100).default([]),
    /** Bokmål and English versions; a missing language falls back to Nynorsk, said so. */
    translations: noticeTranslationsSchema,
    /** In force from this instant. */
    validFrom: instant,
    /** In force until this instant (exclusive); null = until withdrawn. */
    validTo: instant.nullable().default(null),
  })
  .refine((n) => n.validTo === null || Date.parse(n.validTo) > Date.parse(n.validFrom), {
    message: 'validTo must be after validFrom',
    path: ['validTo'],
  })
  .superRefine((n, ctx) => {
    for (const locale of ['nb', 'en'] as const) {
      const text = n.translations[locale];
      if (text && text.title === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', locale, 'title'],
          message: 'a translation needs a title',
        });
      }
    }
  });
export type NoticeInput = z.infer<typeof noticeInputSchema>;

/**
 * A notice as the API returns it (`GET /api/v1/notices`). Parsed leniently where a client
 * should still show a notice rather than fail: an unknown severity reads as `info`.
 */
export const noticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string().default(''),
  severity: noticeSeveritySchema.catch('info'),
  /** Municipalities the notice concerns; empty = every municipality. */
  municipalityIds: z.array(z.string()).default([]),
  /** Problem categories the notice concerns; empty = none in particular. */
  categoryIds: z.array(z.string()).default([]),
  /** Bokmål and English versions (absent when not written). */
  translations: z
    .object({ nb: noticeTextSchema.optional(), en: noticeTextSchema.optional() })
    .default({}),
  validFrom: instant,
  /** Null = until withdrawn. */
  validTo: instant.nullable().default(null),
  /** In force at the time of the request (the server's clock). */
  active: z.boolean(),
  updatedAt: instant,
});
export type Notice = z.infer<typeof noticeSchema>;

/** The validity window of a notice. */
export type NoticeWindow = Pick<Notice, 'validFrom' | 'validTo'>;

/** Is the notice in force at `at`? From `validFrom` (inclusive) to `validTo` (exclusive). */
export function isNoticeInForce(notice: NoticeWindow, at: Date): boolean {
  const t = at.getTime();
  return (
    Date.parse(notice.validFrom) <= t && (notice.validTo === null || Date.parse(notice.validTo) > t)
  );
}

/**
 * Does the notice concern a reader of these municipalities? A general notice (no
 * municipalities) concerns everyone; a reader of no municipality (line-1 and line-3 staff,
 * who serve them all) is concerned by every notice; otherwise the lists must share one.
 */
export function noticeConcerns(
  notice: Pick<Notice, 'municipalityIds'>,
  readerMunicipalityIds: readonly string[],
): boolean {
  return (
    readerMunicipalityIds.length === 0 ||
    notice.municipalityIds.length === 0 ||
    notice.municipalityIds.some((id) => readerMunicipalityIds.includes(id))
  );
}

const severityRank: Record<NoticeSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Display order: the most serious first, then the newest. */
export function compareNotices(
  a: Pick<Notice, 'severity' | 'validFrom'>,
  b: Pick<Notice, 'severity' | 'validFrom'>,
): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    Date.parse(b.validFrom) - Date.parse(a.validFrom)
  );
}

/** The notice's title and body in the reader's language, or in Nynorsk with `fallback` set. */
export function noticeText(
  notice: Pick<Notice, 'title' | 'body'> & { translations?: Notice['translations'] },
  locale: Locale,
): InLocale<NoticeText> {
  return inLocale({ title: notice.title, body: notice.body }, notice.translations, locale);
}

/** Has the notice not begun yet at `at` (a scheduled notice)? */
export function isNoticeScheduled(notice: NoticeWindow, at: Date): boolean {
  return Date.parse(notice.validFrom) > at.getTime();
}
