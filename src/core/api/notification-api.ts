import { z } from 'zod';
import {
  notificationKindSchema,
  notificationPreferencesSchema,
} from '../notifications/notification-kinds';
import { defineRoute } from './api-route';

/**
 * Notifications: each person's choices (per kind and channel, and "no mail but the
 * essential"), staff's in-app notifications, the admins' "could not deliver" list, mail held
 * for line 1, and the demo's mail catcher.
 */

export const preferencesAnswerSchema = z.object({
  preferences: notificationPreferencesSchema,
  /** The kinds this person can get (requesters: the requester kinds; staff: the staff kinds). */
  kinds: z.array(notificationKindSchema),
  /** Kinds whose mail cannot be turned off. */
  essential: z.array(notificationKindSchema),
  /** Whether the service sends mail at all (a `mail` section in the configuration). */
  mailEnabled: z.boolean(),
  /** The address mail goes to (null: none known). */
  email: z.string().nullable(),
});

export const getNotificationPreferences = defineRoute({
  id: 'getNotificationPreferences',
  method: 'get',
  path: '/api/v1/notifications/preferences',
  summary: 'The caller’s notification choices',
  tag: 'notifications',
  access: 'signedIn',
  responses: { 200: { description: 'Choices', schema: preferencesAnswerSchema } },
  problems: { 401: 'Not signed in' },
});

export const putNotificationPreferences = defineRoute({
  id: 'putNotificationPreferences',
  method: 'put',
  path: '/api/v1/notifications/preferences',
  summary: 'Change the caller’s notification choices',
  tag: 'notifications',
  access: 'signedIn',
  body: notificationPreferencesSchema,
  responses: { 200: { description: 'Saved', schema: preferencesAnswerSchema } },
  problems: { 400: 'Bad input', 401: 'Not signed in' },
});

export const inAppNotificationSchema = z.object({
  id: z.uuid(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  title: z.string(),
  kind: notificationKindSchema,
  createdAt: z.string(),
});

export const listMyNotifications = defineRoute({
  id: 'listMyNotifications',
  method: 'get',
  path: '/api/v1/notifications/mine',
  summary: 'The caller’s in-app notifications, newest first (staff)',
  tag: 'notifications',
  access: ['agent', 'consultant', 'senior', 'teamLeader', 'admin'],
  responses: {
    200: {
      description: 'Notifications',
      schema: z.object({ notifications: z.array(inAppNotificationSchema) }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Staff only' },
});

export const undeliverableSchema = z.object({
  id: z.uuid(),
  caseId: z.string().nullable(),
  kind: z.string(),
  channel: z.string(),
  recipient: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  lastError: z.string(),
});

export const listUndeliverable = defineRoute({
  id: 'listUndeliverable',
  method: 'get',
  path: '/api/v1/notifications/undeliverable',
  summary: 'Notifications given up (“could not deliver”), newest first',
  tag: 'notifications',
  access: ['admin'],
  responses: {
    200: {
      description: 'Given-up notifications',
      schema: z.object({ notifications: z.array(undeliverableSchema) }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Admins only' },
});

export const retryUndeliverable = defineRoute({
  id: 'retryUndeliverable',
  method: 'post',
  path: '/api/v1/notifications/{id}/retry',
  summary: 'Try a given-up notification again',
  tag: 'notifications',
  access: ['admin'],
  params: z.object({ id: z.uuid() }),
  responses: { 204: { description: 'Queued again', schema: null } },
  problems: { 401: 'Not signed in', 403: 'Admins only', 404: 'No such given-up notification' },
});

export const heldMailSchema = z.object({
  id: z.uuid(),
  receivedAt: z.string(),
  from: z.string(),
  subject: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  reason: z.string(),
});

const lineOne = ['agent', 'teamLeader', 'admin'] as const;

export const listHeldMail = defineRoute({
  id: 'listHeldMail',
  method: 'get',
  path: '/api/v1/mail/held',
  summary: 'Mail held for line 1 (a reply from someone who is not on the case)',
  tag: 'notifications',
  access: lineOne,
  responses: {
    200: {
      description: 'Held mail, oldest first',
      schema: z.object({ mails: z.array(heldMailSchema) }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Line 1 only' },
});

export const decideHeldMail = defineRoute({
  id: 'decideHeldMail',
  method: 'post',
  path: '/api/v1/mail/held/{id}',
  summary: 'Post a held mail to its case as an internal note, or discard it',
  tag: 'notifications',
  access: lineOne,
  params: z.object({ id: z.uuid() }),
  body: z.object({ action: z.enum(['post', 'discard']) }),
  responses: { 204: { description: 'Done', schema: null } },
  problems: {
    400: 'Bad input',
    401: 'Not signed in',
    403: 'Line 1 only',
    404: 'No such held mail',
    422: 'The case refused the note',
  },
});

export const caughtMailSchema = z.object({
  n: z.number().int(),
  receivedAt: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
});

export const listCaughtMail = defineRoute({
  id: 'listCaughtMail',
  method: 'get',
  path: '/api/v1/mail/caught',
  summary: 'Mail the demo’s local mail catcher received, newest first (only when it runs)',
  tag: 'notifications',
  access: ['admin'],
  responses: {
    200: {
      description: 'Caught mail',
      schema: z.object({
        running: z.boolean(),
        address: z.string().nullable(),
        mails: z.array(caughtMailSchema),
      }),
    },
  },
  problems: { 401: 'Not signed in', 403: 'Admins only' },
});

const linkParams = z.object({ token: z.string().min(10).max(2000) });
const linkQuery = z.object({ lang: z.enum(['nn', 'nb', 'en']).optional() });
const htmlPage = (description: string) => ({ description, schema: null, contentType: 'text/html' });

/**
 * The page behind a link in a mail (confirm, reopen, unsubscribe): no sign-in, the signed
 * token is the permission. Showing it changes nothing (mail scanners fetch links).
 */
export const openMailLink = defineRoute({
  id: 'openMailLink',
  method: 'get',
  path: '/mail/l/{token}',
  summary: 'The page of a link in a mail, with its one button',
  tag: 'notifications',
  access: 'public',
  params: linkParams,
  query: linkQuery,
  responses: {
    200: htmlPage('The page with its button'),
    404: htmlPage('Not a valid link'),
    410: htmlPage('Expired or already used'),
  },
  problems: {},
});

/**
 * The button of a mail link's page: confirm or reopen the case (once), or unsubscribe; also
 * RFC 8058 one-click unsubscribe. The body is the page's form (`why=` when reopening).
 */
export const actOnMailLink = defineRoute({
  id: 'actOnMailLink',
  method: 'post',
  path: '/mail/l/{token}',
  summary: 'Do what a link in a mail offers',
  tag: 'notifications',
  access: 'public',
  params: linkParams,
  query: linkQuery,
  bodyKind: 'file',
  responses: {
    200: htmlPage('Done'),
    404: htmlPage('Not a valid link'),
    409: htmlPage('The case cannot change that way now'),
    410: htmlPage('Expired or already used'),
  },
  problems: {},
});

export const notificationRoutes = [
  openMailLink,
  actOnMailLink,
  getNotificationPreferences,
  putNotificationPreferences,
  listMyNotifications,
  listUndeliverable,
  retryUndeliverable,
  listHeldMail,
  decideHeldMail,
  listCaughtMail,
] as const;
