/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the routes
 * parse with (core's contracts and the route schemas), so it cannot drift from the code.
 * OpenAPI 3.1 uses JSON Schema 2020-12, which is what `z.toJSONSchema` writes.
 */
import { z } from 'zod';
import { caseChangeSchema, caseEventSchema, caseRecordSchema } from '../../core/case';
import { problemCategorySchema } from '../../core/config';
import {
  faqArticleInputSchema,
  faqArticleSchema,
  noticeInputSchema,
  noticeSchema,
} from '../../core/content';
import {
  liveEventSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../core/sync';
import { caseListQuerySchema } from '../cases/case-queries';
import { signInRequestSchema } from '../routes/auth-routes';
import { changeCaseRequestSchema, createCaseRequestSchema } from '../routes/case-routes';
import { serviceStatusQuerySchema } from '../routes/service-status-routes';

type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const problem: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    rule: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const json = (s: JsonSchema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: s } },
});
const body = (s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(s, 'input') } },
});
const queryParams = (s: z.ZodObject) =>
  Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    schema: schema(field as z.ZodType, 'input'),
  }));
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface Operation {
  summary: string;
  tags: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const common = {
  '400': problemResponse('Bad input; `errors` names each bad field'),
  '401': problemResponse('Not signed in, or the token expired'),
};
const op = (o: Operation): Operation => ({ ...o, responses: { ...o.responses, ...common } });
const open = (o: Operation): Operation => ({ ...o, security: [] });

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, Operation>> = {
    '/service-status': {
      get: open({
        summary: 'Is support open, is on-call staffed, which number to call, when that changes',
        tags: ['service'],
        parameters: queryParams(serviceStatusQuerySchema),
        responses: { '200': json({ type: 'object' }), '400': problemResponse('Bad instant') },
      }),
    },
    '/auth/sign-in': {
      post: open({
        summary: 'Sign in with username and password; returns a bearer token that expires',
        tags: ['auth'],
        requestBody: body(signInRequestSchema),
        responses: {
          '200': json({ type: 'object' }),
          '401': problemResponse('Wrong username or password'),
          '429': problemResponse('Too many failed sign-ins; see Retry-After'),
        },
      }),
    },
    '/auth/sign-out': {
      post: op({
        summary: 'End this token',
        tags: ['auth'],
        responses: { '204': { description: 'Signed out' } },
      }),
    },
    '/auth/me': {
      get: op({
        summary: 'Who am I',
        tags: ['auth'],
        responses: { '200': json({ type: 'object' }) },
      }),
    },
    '/cases': {
      get: op({
        summary: 'Cases the caller may read, filtered and paged',
        tags: ['cases'],
        parameters: queryParams(caseListQuerySchema),
        responses: {
          '200': json({
            type: 'object',
            properties: {
              cases: { type: 'array', items: ref('CaseRecord') },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          }),
        },
      }),
      post: op({
        summary: 'Register a case (the server gives its number)',
        tags: ['cases'],
        requestBody: body(createCaseRequestSchema),
        responses: {
          '201': json(
            { type: 'object', properties: { case: ref('CaseRecord'), event: ref('CaseEvent') } },
            'Created',
          ),
          '403': problemResponse('A rule refused it (`rule` names it)'),
          '422': problemResponse('A rule refused it (`rule` names it)'),
        },
      }),
    },
    '/cases/{id}': {
      get: op({
        summary: 'One case (by id or number) with its events',
        tags: ['cases'],
        parameters: [idParam],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              case: ref('CaseRecord'),
              events: { type: 'array', items: ref('CaseEvent') },
            },
          }),
          '404': problemResponse('No such case, or not yours to see'),
        },
      }),
    },
    '/cases/{id}/changes': {
      post: op({
        summary:
          'Change a case by one event (status, priority, assignment, escalation, comment, …)',
        tags: ['cases'],
        parameters: [idParam],
        requestBody: body(changeCaseRequestSchema),
        responses: {
          '200': json({ type: 'object' }),
          '404': problemResponse('No such case'),
          '409': json(
            { type: 'object' },
            'Every field it writes was changed by someone else since baseVersion',
          ),
          '403': problemResponse('Not allowed for your role'),
          '422': problemResponse('A rule refused it'),
        },
      }),
    },
    '/sync/push': {
      post: op({
        summary: 'Push client mutations; idempotent by mutationId, each decided on its own',
        tags: ['sync'],
        requestBody: body(pushRequestSchema),
        responses: { '200': json(schema(pushResponseSchema)) },
      }),
    },
    '/sync/pull': {
      get: op({
        summary: 'Events after a cursor, paged, with the current records of the cases they touch',
        tags: ['sync'],
        parameters: queryParams(pullQuerySchema),
        responses: { '200': json(schema(pullResponseSchema)) },
      }),
    },
    '/events': {
      get: op({
        summary:
          'Server-Sent Events: `changes` (pull now), `critical` (a case created as or raised to critical) and `settingsChanged` (fetch /config again). Token in Authorization or ?token=',
        tags: ['sync'],
        responses: {
          '200': {
            description: 'An event stream; each `data:` is a LiveEvent',
            content: { 'text/event-stream': { schema: schema(liveEventSchema) } },
          },
        },
      }),
    },
    '/notices': {
      get: op({
        summary: 'Operational notices in force',
        tags: ['content'],
        responses: {
          '200': json({
            type: 'object',
            required: ['notices'],
            properties: { notices: { type: 'array', items: ref('Notice') } },
          }),
        },
      }),
      post: op({
        summary: 'Add a notice (team leader, admin)',
        tags: ['content'],
        requestBody: body(noticeInputSchema),
        responses: {
          '201': json(
            { type: 'object', required: ['notice'], properties: { notice: ref('Notice') } },
            'Created',
          ),
          '403': problemResponse('Not allowed'),
        },
      }),
    },
    '/faq': {
      get: op({
        summary: 'FAQ articles',
        tags: ['content'],
        responses: {
          '200': json({
            type: 'object',
            required: ['articles'],
            properties: { articles: { type: 'array', items: ref('FaqArticle') } },
          }),
        },
      }),
      post: op({
        summary: 'Add an article (team leader, admin)',
        tags: ['content'],
        requestBody: body(faqArticleInputSchema),
        responses: {
          '201': json(
            { type: 'object', required: ['article'], properties: { article: ref('FaqArticle') } },
            'Created',
          ),
          '403': problemResponse('Not allowed'),
        },
      }),
    },
    '/categories': {
      get: op({
        summary: 'Problem categories with their portal forms',
        tags: ['content'],
        responses: {
          '200': json({
            type: 'object',
            properties: { categories: { type: 'array', items: ref('ProblemCategory') } },
          }),
        },
      }),
    },
    '/categories/{id}': {
      put: op({
        summary: 'Add or change a category (team leader, admin)',
        tags: ['content'],
        parameters: [idParam],
        requestBody: body(problemCategorySchema),
        responses: { '200': json(ref('ProblemCategory')), '403': problemResponse('Not allowed') },
      }),
    },
    '/cases/{id}/attachments': {
      get: op({
        summary: 'Attachments of a case',
        tags: ['cases'],
        parameters: [idParam],
        responses: { '200': json({ type: 'object' }), '404': problemResponse('No such case') },
      }),
      post: op({
        summary: 'Attach a file: the raw body, its type in Content-Type, its name in ?fileName=',
        tags: ['cases'],
        parameters: [
          idParam,
          { name: 'fileName', in: 'query', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          '201': json({ type: 'object' }, 'Stored'),
          '413': problemResponse('Larger than the configured limit'),
          '415': problemResponse('A type the configuration does not accept'),
        },
      }),
    },
    '/attachments/{id}': {
      get: op({
        summary: 'Download an attachment',
        tags: ['cases'],
        parameters: [idParam],
        responses: {
          '200': { description: 'The file' },
          '404': problemResponse('No such attachment'),
        },
      }),
    },
    '/users': {
      get: op({
        summary: 'Staff directory (staff only)',
        tags: ['service'],
        responses: {
          '200': json({ type: 'object' }),
          '403': problemResponse('Requesters may not'),
        },
      }),
    },
    '/config': {
      get: op({
        summary: 'The service configuration clients run with',
        tags: ['service'],
        responses: { '200': json({ type: 'object' }) },
      }),
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Saksbord API',
      version: '1',
      description:
        'The Saksbord server: cases, sync, live events and service status for an inter-municipal IT user support service. Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: problem,
        CaseRecord: schema(caseRecordSchema),
        CaseEvent: schema(caseEventSchema),
        CaseChange: schema(caseChangeSchema),
        ProblemCategory: schema(problemCategorySchema),
        Notice: schema(noticeSchema),
        FaqArticle: schema(faqArticleSchema),
      },
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A readable page of the document, without scripts or anything fetched from elsewhere. */
export function openApiHtml(doc: JsonSchema): string {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const rows = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, o]) => {
        const statuses = Object.keys(o.responses).join(' ');
        const signIn = o.security && o.security.length === 0 ? 'no' : 'yes';
        return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>/api/v1${escapeHtml(path)}</code></td><td>${escapeHtml(o.summary)}</td><td>${signIn}</td><td>${statuses}</td></tr>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Saksbord API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}code{font-size:.9em}</style>
</head><body><h1>Saksbord API v1</h1>
<p>JSON over HTTP. Sign in at <code>POST /api/v1/auth/sign-in</code> and send the token as <code>Authorization: Bearer …</code>.
Errors are <code>application/problem+json</code> documents; a 400 lists each bad field in <code>errors</code>.
The machine-readable description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Sign-in</th><th>Responses</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
