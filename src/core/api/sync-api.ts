import {
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../sync/sync-protocol';
import { defineRoute } from './api-route';

/** Sync (push the outbox, pull changes after a cursor) and the live event stream. */

export const pushMutations = defineRoute({
  id: 'pushMutations',
  method: 'post',
  path: '/api/v1/sync/push',
  summary: 'Push a batch of mutations; each is decided on its own, idempotent by mutation id',
  tag: 'sync',
  access: 'signedIn',
  body: pushRequestSchema,
  responses: { 200: { description: 'What became of each mutation', schema: pushResponseSchema } },
  problems: { 400: 'Bad batch', 401: 'Not signed in' },
});

export const pullChanges = defineRoute({
  id: 'pullChanges',
  method: 'get',
  path: '/api/v1/sync/pull',
  summary: 'Events after a cursor and the current record of each case they touch, one page',
  tag: 'sync',
  access: 'signedIn',
  query: pullQuerySchema,
  responses: { 200: { description: 'One page', schema: pullResponseSchema } },
  problems: { 400: 'Bad cursor or limit', 401: 'Not signed in' },
});

export const eventStream = defineRoute({
  id: 'eventStream',
  method: 'get',
  path: '/api/v1/events',
  summary:
    'Server-Sent Events: `changes` (pull now), `critical` (with the case), `settingsChanged`. ' +
    'Each `data:` is one LiveEvent; the token goes in the Authorization header (never in the ' +
    'URL, where logs keep it). The stream ends when the session does',
  tag: 'sync',
  access: 'signedIn',
  responses: {
    200: { description: 'An event stream', schema: null, contentType: 'text/event-stream' },
  },
  problems: { 401: 'Not signed in', 429: 'Too many streams open on this session' },
});

export const syncRoutes = [pushMutations, pullChanges, eventStream] as const;
