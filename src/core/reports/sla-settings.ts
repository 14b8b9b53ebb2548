/**
 * The REST contract of the SLA settings team leaders edit on the board
 * (`GET/PUT /api/v1/settings/sla`, `GET /api/v1/settings/sla/audit`). The targets themselves
 * are core's {@link slaConfigSchema}, so the form, the server and the clock agree on what is
 * valid and the messages name the field.
 */
import { z } from 'zod';
import { slaConfigSchema } from '../sla/sla-targets';

/** The SLA settings in force and who set them. `version` 0 = the configuration file's. */
export const slaSettingsSchema = z.object({
  sla: slaConfigSchema,
  version: z.number().int().nonnegative(),
  updatedBy: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

/**
 * A change: the complete new settings, and the version they were based on. A PUT based on
 * an older version is refused (409), so two team leaders never overwrite each other unseen.
 */
export const slaSettingsUpdateSchema = z.object({
  sla: slaConfigSchema,
  baseVersion: z.number().int().nonnegative(),
});
export type SlaSettingsUpdate = z.infer<typeof slaSettingsUpdateSchema>;

/** One audited change: who, when, from which device, the old and the new settings. */
export const slaSettingsAuditEntrySchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  changedBy: z.string(),
  changedAt: z.iso.datetime({ offset: true }),
  deviceId: z.string(),
  old: slaConfigSchema,
  new: slaConfigSchema,
});
export type SlaSettingsAuditEntry = z.infer<typeof slaSettingsAuditEntrySchema>;

/** Roles that may change the SLA settings. */
export const slaSettingsEditorRoles = ['teamLeader', 'admin'] as const;
