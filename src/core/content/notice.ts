import { z } from 'zod';

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

/** A notice as a team leader or admin writes it (POST and PUT `/api/v1/notices`). */
export const noticeInputSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(300),
    body: z.string().trim().max(4_000).default(''),
    severity: noticeSeveritySchema.default('info'),
    /** Municipalities the notice concerns; empty = every municipality. */
    municipalityIds: z.array(z.string().min(1)).max(100).default([]),
    /** In force from this instant. */
    validFrom: instant,
    /** In force until this instant (exclusive); null = until withdrawn. */
    validTo: instant.nullable().default(null),
  })
  .refine((n) => n.validTo === null || Date.parse(n.validTo) > Date.parse(n.validFrom), {
    message: 'validTo must be after validFrom',
    path: ['validTo'],
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
