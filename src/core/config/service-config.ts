import { z } from 'zod';
import { defaultPasswordPolicy, passwordPolicySchema } from '../account/password-policy';
import { calendarConfigSchema, defaultCalendarConfig } from '../calendar/calendar-config';
import { mailConfigSchema } from '../notifications/mail-config';
import { defaultPagingConfig, pagingConfigSchema } from '../oncall/paging-config';
import { defaultSlaConfig, slaConfigSchema } from '../sla/sla-targets';
import { identityProviderIssues, identityProviderSchema } from './identity-provider';
import { localizedTextSchema } from './localized-text';
import { municipalityConfigSchema } from './municipality-config';
import { problemCategorySchema } from './problem-category';

/** Who runs the service, and the office numbers the seed gives for more information. */
export const organisationConfigSchema = z.strictObject({
  /** Shown in the title bar, the portal header and e-mails. */
  name: z.string().trim().min(1, 'must not be empty').max(200),
  /**
   * The name in each language, where it has words that translate ("Romsdal IKT brukarstøtte"
   * is "Romsdal IKT user support" in English); `name` is shown when absent.
   */
  localizedName: localizedTextSchema.optional(),
  /** The team leader of user support ("Teamleiar brukarstøtte"): office phone. */
  supportTeamLeaderPhone: z.string().trim().min(1, 'must not be empty').max(40),
  /** The IT manager ("IT-sjef"), responsible for on-call: office phone. */
  itManagerPhone: z.string().trim().min(1, 'must not be empty').max(40),
});
export type OrganisationConfig = z.infer<typeof organisationConfigSchema>;

/** Limits on files attached to cases (portal and desktop alike). */
export const attachmentLimitsSchema = z.strictObject({
  /** Largest accepted file, in bytes. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(1024 * 1024 * 1024),
  /** MIME types accepted, exact (e.g. "image/png"); anything else is refused on upload. */
  allowedMimeTypes: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as "image/png"'))
    .min(1, 'must allow at least one type'),
});
export type AttachmentLimits = z.infer<typeof attachmentLimitsSchema>;

/** Attachments: 10 MiB of screenshots, photos, PDFs, office documents, text and logs. */
export const defaultAttachmentLimits: AttachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  allowedMimeTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/plain',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'message/rfc822',
  ],
};

/** How critical alerts repeat until somebody takes the case. */
export const alertConfigSchema = z.strictObject({
  /** Minutes between repeats of an unacknowledged critical alert. */
  repeatMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type AlertConfig = z.infer<typeof alertConfigSchema>;

function addDuplicateIssues(
  ctx: z.RefinementCtx,
  ids: readonly string[],
  listPath: string,
  what: string,
): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      ctx.addIssue({
        code: 'custom',
        path: [listPath, i, 'id'],
        message: `duplicate ${what} id "${id}"`,
      });
    }
  });
}

/**
 * The one configuration file of a Saksbord service. Sections the file leaves out take the
 * seed's values (calendar, SLA, attachments, alerts); the organisation, its municipalities and
 * its problem categories must be given, since no default fits another service.
 */
export const serviceConfigSchema = z
  .strictObject({
    /** Who runs the service. */
    organisation: organisationConfigSchema,
    /** Opening hours, on-call hours, extra closed days and phone numbers. */
    calendar: calendarConfigSchema.default(defaultCalendarConfig),
    /** Response and resolution targets per priority. */
    sla: slaConfigSchema.default(defaultSlaConfig),
    /** The municipalities served, each with its line-2 group. */
    municipalities: z.array(municipalityConfigSchema).min(1, 'must list at least one municipality'),
    /** Kinds of problems, each with its portal form. */
    categories: z.array(problemCategorySchema),
    /** Limits on attached files. */
    attachments: attachmentLimitsSchema.default(defaultAttachmentLimits),
    /** Critical-alert repetition. */
    alerts: alertConfigSchema.default({ repeatMinutes: 5 }),
    /** Mail out (SMTP) and in; absent: no mail is sent (see notifications/mail-config.ts). */
    mail: mailConfigSchema.optional(),
    /** On-call paging: handover, escalation, the SMS gateway, SLA warnings. */
    paging: pagingConfigSchema.default(defaultPagingConfig),
    /** The municipalities' own identity providers (OpenID Connect); none: passwords only. */
    identityProviders: z.array(identityProviderSchema).default([]),
    /** Local accounts' passwords: `minLength` (default 12) of a new password. */
    passwordPolicy: passwordPolicySchema.default(defaultPasswordPolicy),
  })
  .superRefine((config, ctx) => {
    for (const issue of identityProviderIssues(
      config.identityProviders,
      config.municipalities.map((m) => m.id),
    )) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
    addDuplicateIssues(
      ctx,
      config.municipalities.map((m) => m.id),
      'municipalities',
      'municipality',
    );
    addDuplicateIssues(
      ctx,
      config.categories.map((c) => c.id),
      'categories',
      'category',
    );
    config.municipalities.forEach((m, i) => {
      const ids = m.line2Group?.consultantIds ?? [];
      ids.forEach((id, j) => {
        if (ids.indexOf(id) !== j) {
          ctx.addIssue({
            code: 'custom',
            path: ['municipalities', i, 'line2Group', 'consultantIds', j],
            message: `consultant "${id}" is listed twice`,
          });
        }
      });
    });
  });
/** A parsed, valid service configuration. */
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
/** What a configuration file may contain (sections with defaults may be left out). */
export type ServiceConfigInput = z.input<typeof serviceConfigSchema>;
