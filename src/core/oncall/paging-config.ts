/**
 * The paging part of a service's configuration: when the on-call shift hands over, how fast
 * an unacknowledged page escalates, which numbers end the chain, and how SMS leaves (an HTTP
 * gateway described by a request template, so any Norwegian SMS provider fits).
 */
import { z } from 'zod';

const timeOfDay = z
  .string({ error: "must be a time of day 'HH:mm'" })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time of day 'HH:mm'" });

/**
 * An HTTP SMS gateway. `body` and every header value and the `url` are templates:
 * `{{to}}` is the number (digits, with a leading + kept), `{{text}}` the message, `{{ref}}`
 * a unique reference of the page; in a JSON body the values are JSON-escaped, in a form body
 * URL-encoded, so the template itself stays valid.
 */
export const smsGatewayConfigSchema = z.strictObject({
  url: z.string().url({ error: 'must be an http(s) URL' }),
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  /** How `{{…}}` values are escaped in the body. */
  bodyFormat: z.enum(['json', 'form']).default('json'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().default('{"to":"{{to}}","message":"{{text}}","reference":"{{ref}}"}'),
  /** Country code put in front of 8-digit Norwegian numbers. */
  countryCode: z
    .string()
    .regex(/^\+\d{1,3}$/, { error: "must be a country code such as '+47'" })
    .default('+47'),
});
export type SmsGatewayConfig = z.infer<typeof smsGatewayConfigSchema>;

/** Whether the shared on-call phone (calendar.phoneNumbers.onCall) is paged by SMS. */
export const sharedPhonePagingSchema = z.enum(['never', 'whenNobodyOnCall', 'always']);
export type SharedPhonePaging = z.infer<typeof sharedPhonePagingSchema>;

export const pagingConfigSchema = z.strictObject({
  /** When one on-call period hands over to the next inside a long stretch (weekends). */
  handoverTime: timeOfDay.default('08:00'),
  /**
   * Minutes an unacknowledged page waits before the next step of the chain is paged. The
   * default 4 pages the backup at 4, the team leader at 8 and the configured numbers at 12
   * minutes, so the 15-minute response target is still reachable at every step.
   */
  escalateAfterMinutes: z.number().int().min(1).max(240).default(4),
  /** Inside support hours: minutes before the team leader is paged when nobody acknowledged. */
  insideHoursTeamLeaderAfterMinutes: z.number().int().min(1).max(240).default(10),
  /** The shared on-call phone as an SMS target. */
  sharedPhone: sharedPhonePagingSchema.default('whenNobodyOnCall'),
  /** Numbers paged by SMS at the end of the chain, after the IT manager's office phone. */
  extraNumbers: z.array(z.string().trim().min(1)).default([]),
  /** The address people open acknowledgement links at (the server's public URL). */
  publicUrl: z.string().url({ error: 'must be an http(s) URL' }).default('http://127.0.0.1:4300'),
  /** Contact for the push service (VAPID `sub`): a mailto: or https: URL. */
  vapidSubject: z
    .string()
    .regex(/^(mailto:|https:)/, { error: "must start with 'mailto:' or 'https:'" })
    .default('mailto:vakt@romsdal-ikt.example'),
  /** The SMS gateway; without it SMS pages are recorded as failed ("no gateway"). */
  sms: smsGatewayConfigSchema.optional(),
  /** SLA warnings (at risk and breached) to the assignee or line and the team leader. */
  slaWarnings: z.boolean().default(true),
});
export type PagingConfig = z.infer<typeof pagingConfigSchema>;
export type PagingConfigInput = z.input<typeof pagingConfigSchema>;
export const defaultPagingConfig: PagingConfig = pagingConfigSchema.parse({});
