import { z } from 'zod';

/**
 * The `mail` section of the configuration file. Without it no mail is sent (the server says
 * so once at start-up). Passwords never live in the file: `userEnv`/`passwordEnv` name the
 * environment variables that hold them.
 */
export const smtpConfigSchema = z.strictObject({
  host: z.string().trim().min(1, 'must not be empty'),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465). False: plain, upgraded with STARTTLS when offered. */
  secure: z.boolean(),
  /** Environment variable holding the SMTP user name. */
  userEnv: z.string().trim().min(1).optional(),
  /** Environment variable holding the SMTP password. */
  passwordEnv: z.string().trim().min(1).optional(),
});

const address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'must be an e-mail address such as "brukarstotte@kommune.no"');

/** Where mail to the service arrives: an SMTP listener the municipality's mail system forwards to. */
export const inboundMailConfigSchema = z.strictObject({
  host: z.string().trim().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535),
  /** The municipality of a new case from a sender without an account; the first one when absent. */
  defaultMunicipalityId: z.string().min(1).optional(),
});

export const mailConfigSchema = z.strictObject({
  smtp: smtpConfigSchema,
  /** The sender address, e.g. "Romsdal IKT brukarstøtte <brukarstotte@romsdal-ikt.no>" or a bare address. */
  from: z.string().trim().min(3).max(400),
  /**
   * The support address replies go to. Each mail's Reply-To is this address with the case's
   * signed tag after a "+" (brukarstotte+s-…@…), so a reply finds its case.
   */
  replyTo: address.optional(),
  /** The address links in mail start with (confirm, reopen, unsubscribe), e.g. "https://saksbord.kommune.no". */
  publicUrl: z.url().optional(),
  /** How long the outbox keeps trying one mail before it goes to the "could not deliver" list. */
  giveUpAfterHours: z
    .number()
    .positive()
    .max(24 * 14)
    .default(48),
  /** How long the confirm and reopen links in a "solved" mail work. */
  linkValidDays: z.number().int().positive().max(90).default(14),
  /** Inbound mail (replies and new cases); absent: no listener. */
  inbound: inboundMailConfigSchema.optional(),
});
export type MailConfig = z.infer<typeof mailConfigSchema>;
export type MailConfigInput = z.input<typeof mailConfigSchema>;
