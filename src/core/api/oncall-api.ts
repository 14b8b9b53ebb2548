import { z } from 'zod';
import { rotaOverrideSchema, rotaSettingsSchema } from '../oncall/on-call-rota';
import { defineRoute } from './api-route';

/**
 * On-call: who is on call now and next, the rota (team leaders keep it), each person's paging
 * contact and push subscriptions, acknowledgement links, a case's paging history, the on-call
 * log and the per-person calendar feed.
 */

const staff = ['agent', 'consultant', 'senior', 'teamLeader', 'admin'] as const;
const leaders = ['teamLeader', 'admin'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date 'YYYY-MM-DD'");

export const personRefSchema = z.object({ id: z.string(), name: z.string() });
export const onCallPeriodSchema = z.object({
  id: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(['weekday', 'weekend', 'publicHoliday', 'closedDay']),
});
export const rotaAssignmentSchema = z.object({
  period: onCallPeriodSchema,
  primary: personRefSchema.nullable(),
  backup: personRefSchema.nullable(),
  primarySource: z.enum(['rotation', 'override']),
  backupSource: z.enum(['rotation', 'override']),
});
export type RotaAssignmentView = z.infer<typeof rotaAssignmentSchema>;

export const onCallNowSchema = z.object({
  at: z.string(),
  supportOpen: z.boolean(),
  onCallStaffed: z.boolean(),
  onCallPhone: z.string(),
  now: rotaAssignmentSchema.nullable(),
  next: rotaAssignmentSchema.nullable(),
});
export type OnCallNow = z.infer<typeof onCallNowSchema>;

export const rotaWarningSchema = z.object({
  periodId: z.string(),
  kind: z.enum(['nobodyOnCall', 'backupIsPrimary']),
});
export const rotaViewSchema = z.object({
  settings: rotaSettingsSchema,
  assignments: z.array(rotaAssignmentSchema),
  warnings: z.array(rotaWarningSchema),
  people: z.array(personRefSchema),
});
export type RotaView = z.infer<typeof rotaViewSchema>;

export const rotaQuerySchema = z.object({
  from: isoDate.optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});

export const pagingContactSchema = z.object({
  phone: z.string().trim().max(40).nullable(),
  email: z.string().trim().max(320).nullable(),
  pushOn: z.boolean(),
  smsOn: z.boolean(),
  emailOn: z.boolean(),
});
export const pagingContactViewSchema = pagingContactSchema.extend({
  pushSubscriptions: z.number().int(),
  feedUrl: z.string(),
});
export const pushSubscriptionSchema = z.object({
  endpoint: z.url(),
  keys: z.object({ p256dh: z.string().min(1), auth: z.string().min(1) }),
});

export const pagingLogEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  step: z.number().nullable(),
  targetName: z.string().nullable(),
  channel: z.string().nullable(),
  detail: z.string(),
});
export const pagingIncidentSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  mode: z.enum(['onCall', 'insideHours']),
  status: z.enum(['open', 'acknowledged', 'closed']),
  step: z.number(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedVia: z.string().nullable(),
});
export const casePagingSchema = z.object({
  incidents: z.array(pagingIncidentSchema),
  log: z.array(pagingLogEntrySchema),
});
export type CasePaging = z.infer<typeof casePagingSchema>;

/** What the requester sees in the portal: on-call was paged, and when it was acknowledged. */
export const caseOnCallStatusSchema = z.object({
  paged: z.boolean(),
  pagedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type CaseOnCallStatus = z.infer<typeof caseOnCallStatusSchema>;

export const onCallLogRowSchema = z.object({
  caseId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  criticalAt: z.string(),
  firstPagedAt: z.string().nullable(),
  pagedTo: z.array(z.string()),
  channels: z.array(z.string()),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  responseMinutes: z.number().nullable(),
  escalated: z.boolean(),
  workedMinutes: z.number(),
});
export const onCallLogSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(onCallLogRowSchema),
});
export const onCallLogQuerySchema = z.object({
  /** A period id ('YYYY-MM-DDTHH:mm') or a first date; with `to`, a range of dates. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/),
  to: isoDate.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const caseParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string().min(10).max(400) });

export const getOnCallNow = defineRoute({
  id: 'getOnCallNow',
  method: 'get',
  path: '/api/v1/oncall/now',
  summary: 'Who is on call now and next',
  tag: 'oncall',
  access: staff,
  responses: { 200: { description: 'Now and next', schema: onCallNowSchema } },
  problems: { 401: 'Not signed in', 403: 'Staff only' },
});

export const getRota = defineRoute({
  id: 'getRota',
  method: 'get',
  path: '/api/v1/oncall/rota',
  summary: 'The rota: on-call periods from the calendar with who is on call, and warnings',
  tag: 'oncall',
  access: staff,
  query: rotaQuerySchema,
  responses: { 200: { description: 'The rota', schema: rotaViewSchema } },
  problems: { 400: 'Bad query', 401: 'Not signed in', 403: 'Staff only' },
});

export const putRotaSettings = defineRoute({
  id: 'putRotaSettings',
  method: 'put',
  path: '/api/v1/oncall/rota/settings',
  summary: 'Set the default rotation',
  tag: 'oncall',
  access: leaders,
  body: rotaSettingsSchema,
  responses: { 200: { description: 'Stored', schema: z.object({ settings: rotaSettingsSchema }) } },
  problems: { 400: 'Bad input', 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const putRotaOverrides = defineRoute({
  id: 'putRotaOverrides',
  method: 'put',
  path: '/api/v1/oncall/rota/overrides',
  summary: 'Set who is on call (or backup) in single periods; userId null leaves it empty',
  tag: 'oncall',
  access: leaders,
  body: z.object({ overrides: z.array(rotaOverrideSchema).min(1).max(200) }),
  responses: { 204: { description: 'Stored', schema: null } },
  problems: { 400: 'Bad input', 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const swapRotaPeriods = defineRoute({
  id: 'swapRotaPeriods',
  method: 'post',
  path: '/api/v1/oncall/rota/swap',
  summary: 'Swap the people on call in two periods',
  tag: 'oncall',
  access: leaders,
  body: z.object({ a: z.string(), b: z.string() }),
  responses: { 204: { description: 'Swapped', schema: null } },
  problems: {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Team leaders and admins only',
    404: 'No such on-call period',
  },
});

export const getPagingContact = defineRoute({
  id: 'getPagingContact',
  method: 'get',
  path: '/api/v1/oncall/contact',
  summary: 'How I am paged (and the address of my on-call calendar feed)',
  tag: 'oncall',
  access: staff,
  responses: { 200: { description: 'My paging contact', schema: pagingContactViewSchema } },
  problems: { 401: 'Not signed in', 403: 'Staff only' },
});

export const putPagingContact = defineRoute({
  id: 'putPagingContact',
  method: 'put',
  path: '/api/v1/oncall/contact',
  summary: 'Set how I am paged',
  tag: 'oncall',
  access: staff,
  body: pagingContactSchema,
  responses: { 200: { description: 'Stored', schema: pagingContactViewSchema } },
  problems: { 400: 'Bad input', 401: 'Not signed in', 403: 'Staff only' },
});

export const getPushKey = defineRoute({
  id: 'getPushKey',
  method: 'get',
  path: '/api/v1/paging/push-key',
  summary: 'The server’s VAPID public key (applicationServerKey for PushManager.subscribe)',
  tag: 'oncall',
  access: 'public',
  responses: { 200: { description: 'The key', schema: z.object({ publicKey: z.string() }) } },
  problems: {},
});

export const addPushSubscription = defineRoute({
  id: 'addPushSubscription',
  method: 'post',
  path: '/api/v1/paging/subscriptions',
  summary: 'Register this device for pages by Web Push',
  tag: 'oncall',
  access: staff,
  body: pushSubscriptionSchema,
  responses: { 201: { description: 'Registered', schema: z.object({ id: z.string() }) } },
  problems: { 400: 'Bad input', 401: 'Not signed in', 403: 'Staff only' },
});

export const removePushSubscription = defineRoute({
  id: 'removePushSubscription',
  method: 'post',
  path: '/api/v1/paging/subscriptions/remove',
  summary: 'Stop pages to this device',
  tag: 'oncall',
  access: staff,
  body: z.object({ endpoint: z.url() }),
  responses: { 204: { description: 'Removed', schema: null } },
  problems: { 400: 'Bad input', 401: 'Not signed in', 403: 'Staff only' },
});

export const showAckPage = defineRoute({
  id: 'showAckPage',
  method: 'get',
  path: '/api/v1/paging/ack/{token}',
  summary: 'The page an acknowledgement link opens (a button; opening it acknowledges nothing)',
  tag: 'oncall',
  access: 'public',
  params: tokenParams,
  responses: { 200: { description: 'HTML', schema: null, contentType: 'text/html' } },
  problems: { 400: 'Bad link' },
});

export const acknowledgeByLink = defineRoute({
  id: 'acknowledgeByLink',
  method: 'post',
  path: '/api/v1/paging/ack/{token}',
  summary: 'Acknowledge a page by its signed single-use link (records the first response)',
  tag: 'oncall',
  access: 'public',
  params: tokenParams,
  responses: {
    200: { description: 'Acknowledged (HTML)', schema: null, contentType: 'text/html' },
    409: { description: 'Already used or expired (HTML)', schema: null, contentType: 'text/html' },
  },
  problems: { 400: 'Bad link' },
});

export const getCasePaging = defineRoute({
  id: 'getCasePaging',
  method: 'get',
  path: '/api/v1/cases/{id}/paging',
  summary: 'A case’s pages, deliveries, failures, escalations and acknowledgements',
  tag: 'oncall',
  access: staff,
  params: caseParams,
  responses: { 200: { description: 'The paging history', schema: casePagingSchema } },
  problems: { 401: 'Not signed in', 403: 'Staff only', 404: 'No such case' },
});

export const getCaseOnCallStatus = defineRoute({
  id: 'getCaseOnCallStatus',
  method: 'get',
  path: '/api/v1/cases/{id}/on-call-status',
  summary: 'Whether on-call was paged for the case and when it was acknowledged (requesters too)',
  tag: 'oncall',
  access: 'signedIn',
  params: caseParams,
  responses: { 200: { description: 'Paged / acknowledged', schema: caseOnCallStatusSchema } },
  problems: { 401: 'Not signed in', 404: 'No such case' },
});

export const getOnCallLog = defineRoute({
  id: 'getOnCallLog',
  method: 'get',
  path: '/api/v1/oncall/log',
  summary: 'The on-call log of a period or dates: paged cases, response, time worked (JSON or CSV)',
  tag: 'oncall',
  access: leaders,
  query: onCallLogQuerySchema,
  responses: {
    200: { description: 'The log (CSV with format=csv)', schema: onCallLogSchema },
  },
  problems: { 400: 'Bad query', 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const getOnCallFeed = defineRoute({
  id: 'getOnCallFeed',
  method: 'get',
  path: '/api/v1/oncall/feeds/{token}',
  summary: 'One person’s on-call shifts as an iCalendar feed (the signed address is the key)',
  tag: 'oncall',
  access: 'public',
  params: tokenParams,
  responses: { 200: { description: 'iCalendar', schema: null, contentType: 'text/calendar' } },
  problems: { 404: 'No such feed' },
});

export const oncallRoutes = [
  getOnCallNow,
  getRota,
  putRotaSettings,
  putRotaOverrides,
  swapRotaPeriods,
  getPagingContact,
  putPagingContact,
  getPushKey,
  addPushSubscription,
  removePushSubscription,
  showAckPage,
  acknowledgeByLink,
  getCasePaging,
  getCaseOnCallStatus,
  getOnCallLog,
  getOnCallFeed,
] as const;
