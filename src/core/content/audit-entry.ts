import { z } from 'zod';
import { type CsvColumn, toCsv } from '../reports/csv';

/**
 * The audit log as the API and the admin screen see it: every administrative change and
 * sign-in, who, what, when and from where. Append-only: nothing changes or removes an entry.
 */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  actorId: z.string().nullable(),
  actorName: z.string(),
  /** Dotted verb: `municipality.create`, `category.update`, `signIn.password`, `settings.sla` … */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  deviceId: z.string().nullable(),
  address: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with offset' });

/** The filter of the audit screen (`GET /api/v1/audit`). */
export const auditQuerySchema = z
  .object({
    /** Who: a user id. */
    actorId: z.string().min(1).max(100).optional(),
    /** What: an action, or a prefix ending in `.` (`municipality.`). */
    action: z.string().min(1).max(100).optional(),
    targetType: z.string().min(1).max(50).optional(),
    targetId: z.string().min(1).max(200).optional(),
    /** When: from (inclusive) and to (exclusive). */
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** Paging: entries older than this one (`at|id` of the last entry shown). */
    before: z
      .string()
      .regex(/^[^|]+\|[^|]+$/, 'must be "at|id" of an entry')
      .optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), {
    message: 'to must be after from',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** The `before` of the next page, or null at the end. */
  next: z.string().nullable(),
});

/** The column keys of the audit CSV, in order. */
export const auditCsvColumns = [
  'at',
  'actor',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'summary',
  'details',
  'device',
  'address',
] as const;
export type AuditCsvColumn = (typeof auditCsvColumns)[number];

/**
 * The audit log as CSV (Norwegian Excel: `;`, BOM), instants as written (ISO, UTC), with
 * headers in the reader's words.
 */
export function auditCsv(
  entries: readonly AuditEntryView[],
  header: (column: AuditCsvColumn) => string,
): string {
  const value: Record<AuditCsvColumn, (e: AuditEntryView) => string | null> = {
    at: (e) => e.at,
    actor: (e) => e.actorName,
    actorId: (e) => e.actorId,
    action: (e) => e.action,
    targetType: (e) => e.targetType,
    targetId: (e) => e.targetId,
    summary: (e) => e.summary,
    details: (e) => (Object.keys(e.details).length ? JSON.stringify(e.details) : ''),
    device: (e) => e.deviceId,
    address: (e) => e.address,
  };
  const columns: CsvColumn<AuditEntryView>[] = auditCsvColumns.map((key) => ({
    key,
    value: value[key],
  }));
  return toCsv(columns, entries, { header: (key) => header(key as AuditCsvColumn) });
}
