import { z } from 'zod';
import { serviceConfigSchema } from '../config/service-config';
import {
  slaSettingsAuditEntrySchema,
  slaSettingsSchema,
  slaSettingsUpdateSchema,
} from '../reports/sla-settings';
import { defineRoute } from './api-route';

/** The service's state and configuration, run-time settings, health and this document. */

const instant = z.iso.datetime({ offset: true });

export const serviceStatusQuerySchema = z.object({
  at: z.iso
    .datetime({ offset: true, error: 'at must be an ISO-8601 instant with offset' })
    .optional(),
});

/** Core's `ServiceStatus` (src/core/calendar/service-status.ts) as the API sends it. */
export const serviceStatusSchema = z.object({
  at: instant,
  supportOpen: z.boolean(),
  onCallStaffed: z.boolean(),
  callNumber: z.string().nullable(),
  callFor: z.enum(['all', 'critical', 'none']),
  nextChange: z.object({ at: instant, supportOpen: z.boolean(), onCallStaffed: z.boolean() }),
  supportClosesAt: instant.optional(),
  nextSupportOpening: instant,
});

export const getServiceStatus = defineRoute({
  id: 'getServiceStatus',
  method: 'get',
  path: '/api/v1/service-status',
  summary: 'Is support open, is on-call staffed, which number to call, when that changes',
  tag: 'service',
  access: 'public',
  query: serviceStatusQuerySchema,
  responses: { 200: { description: 'The service at that instant', schema: serviceStatusSchema } },
  problems: { 400: 'Not an instant, or outside the calendar’s range' },
});

export const getConfig = defineRoute({
  id: 'getConfig',
  method: 'get',
  path: '/api/v1/config',
  summary:
    'The configuration clients run with: calendar, SLA targets in force, municipalities, ' +
    'categories with the team leaders’ edits, attachment limits',
  tag: 'service',
  access: 'signedIn',
  responses: { 200: { description: 'The configuration', schema: serviceConfigSchema } },
  problems: { 401: 'Not signed in' },
});

const staff = ['agent', 'consultant', 'senior', 'teamLeader', 'admin'] as const;
const slaEditors = ['teamLeader', 'admin'] as const;

export const getSlaSettings = defineRoute({
  id: 'getSlaSettings',
  method: 'get',
  path: '/api/v1/settings/sla',
  summary: 'The SLA targets and at-risk threshold in force',
  tag: 'settings',
  access: staff,
  responses: { 200: { description: 'The settings and their version', schema: slaSettingsSchema } },
  problems: { 401: 'Not signed in', 403: 'Staff only' },
});

export const putSlaSettings = defineRoute({
  id: 'putSlaSettings',
  method: 'put',
  path: '/api/v1/settings/sla',
  summary: 'Change the SLA targets (audited; every client is told at once)',
  tag: 'settings',
  access: slaEditors,
  body: slaSettingsUpdateSchema,
  responses: { 200: { description: 'The new settings', schema: slaSettingsSchema } },
  problems: {
    400: 'Bad targets; `errors` names each bad field',
    401: 'Not signed in',
    403: 'Team leaders and admins only',
    409: 'Based on an older version (`rule` settings.staleVersion); reload and try again',
  },
});

export const getSlaSettingsAudit = defineRoute({
  id: 'getSlaSettingsAudit',
  method: 'get',
  path: '/api/v1/settings/sla/audit',
  summary: 'Who changed the SLA settings, when, from what to what',
  tag: 'settings',
  access: slaEditors,
  responses: {
    200: {
      description: 'Newest first',
      schema: z.object({ entries: z.array(slaSettingsAuditEntrySchema) }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Team leaders and admins only' },
});

export const healthz = defineRoute({
  id: 'healthz',
  method: 'get',
  path: '/healthz',
  summary: 'Liveness',
  tag: 'operations',
  access: 'public',
  responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  problems: {},
});

export const readyz = defineRoute({
  id: 'readyz',
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the database answers and the server is not stopping',
  tag: 'operations',
  access: 'public',
  responses: {
    200: {
      description: 'Ready',
      schema: z.object({ status: z.literal('ready'), engine: z.enum(['sqlite', 'postgres']) }),
    },
    503: {
      description: 'Stopping, or the database does not answer',
      schema: z.object({ status: z.enum(['stopping', 'database unavailable', 'storage full']) }),
    },
  },
  problems: {},
});

export const metrics = defineRoute({
  id: 'metrics',
  method: 'get',
  path: '/metrics',
  summary:
    'Prometheus metrics: with SAKSBORD_METRICS_TOKEN set, for `Authorization: Bearer <that token>` ' +
    'only; without it, only for clients on this machine (loopback)',
  tag: 'operations',
  access: 'public',
  responses: {
    200: { description: 'Text exposition format', schema: null, contentType: 'text/plain' },
  },
  problems: { 401: 'Wrong or missing metrics token', 403: 'Not from this machine' },
});

export const openApiJson = defineRoute({
  id: 'openApiJson',
  method: 'get',
  path: '/api/v1/openapi.json',
  summary: 'This document',
  tag: 'operations',
  access: 'public',
  responses: {
    200: { description: 'OpenAPI 3.1', schema: null, contentType: 'application/json' },
  },
  problems: {},
});

export const apiDocs = defineRoute({
  id: 'apiDocs',
  method: 'get',
  path: '/api/v1/docs',
  summary: 'This document as a page',
  tag: 'operations',
  access: 'public',
  responses: { 200: { description: 'HTML', schema: null, contentType: 'text/html' } },
  problems: {},
});

export const serviceRoutes = [
  getServiceStatus,
  getConfig,
  getSlaSettings,
  putSlaSettings,
  getSlaSettingsAudit,
  healthz,
  readyz,
  metrics,
  openApiJson,
  apiDocs,
] as const;
