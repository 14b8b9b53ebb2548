/**
 * The OpenAPI 3.1 document of the server, generated from core's API contract (src/core/api):
 * the same route list the server mounts and the client calls, with the same zod schemas, so
 * it cannot drift from the code. OpenAPI 3.1 uses JSON Schema 2020-12, which is what
 * `z.toJSONSchema` writes.
 */

import { apiRoutes, problemDocumentSchema, type RouteSpec, rolesOf } from '@core/api';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const jsonSchema = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

function parameters(route: RouteSpec): unknown[] {
  const list: unknown[] = [];
  for (const [place, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const fieldSchema = field as z.ZodType;
      list.push({
        name,
        in: place,
        required: place === 'path' || !fieldSchema.safeParse(undefined).success,
        schema: jsonSchema(fieldSchema, 'input'),
      });
    }
  }
  for (const [name, description] of Object.entries(route.headers ?? {})) {
    list.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
  }
  return list;
}

function requestBody(route: RouteSpec): unknown {
  if (!route.body) return undefined;
  if (route.bodyKind === 'file') {
    return {
      required: true,
      content: {
        '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
      },
    };
  }
  return {
    required: true,
    content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
  };
}

function responses(route: RouteSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const contentType = spec.contentType ?? 'application/json';
    out[status] =
      spec.schema === null
        ? {
            description: spec.description,
            ...(spec.contentType ? { content: { [contentType]: {} } } : {}),
          }
        : {
            description: spec.description,
            content: { [contentType]: { schema: jsonSchema(spec.schema, 'output') } },
          };
  }
  for (const [status, description] of Object.entries(route.problems)) {
    out[status] = {
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return out;
}

function operation(route: RouteSpec): Operation {
  const roles = rolesOf(route);
  const params = parameters(route);
  const body = requestBody(route);
  return {
    operationId: route.id,
    summary: route.summary,
    ...(roles ? { description: `Only for the roles: ${roles.join(', ')}.` } : {}),
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(route),
  };
}

export function openApiDocument(routes: readonly RouteSpec[] = apiRoutes): JsonSchema {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Saksbord API',
      version: '1',
      description:
        'The Saksbord server: cases, sync, live events and service status for an inter-municipal IT user support service. Errors are RFC 9457 problem documents; a refusal by a rule names it in `rule` with its `params`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Problem: jsonSchema(problemDocumentSchema, 'output') },
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

const schemaBlock = (title: string, value: unknown) =>
  `<details><summary>${escapeHtml(title)}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;

/** A readable page of the document, without scripts or anything fetched from elsewhere. */
export function openApiHtml(doc: JsonSchema): string {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const sections = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, o]) => {
        const signIn = o.security && o.security.length === 0 ? 'no sign-in' : 'signed in';
        const parts = [
          `<h2 id="${escapeHtml(o.operationId)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>`,
          `<p>${escapeHtml(o.summary)} <small>(${signIn}${o.description ? `; ${escapeHtml(o.description)}` : ''})</small></p>`,
        ];
        if (o.parameters) parts.push(schemaBlock('Parameters', o.parameters));
        if (o.requestBody) parts.push(schemaBlock('Request body', o.requestBody));
        for (const [status, response] of Object.entries(o.responses)) {
          const r = response as { description: string };
          parts.push(schemaBlock(`${status} — ${r.description}`, response));
        }
        return `<section>${parts.join('\n')}</section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Saksbord API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}h2{font-size:1.05rem;margin-top:1.6rem}pre{background:#f4f4f4;padding:.6rem;overflow:auto;font-size:.85em}summary{cursor:pointer}</style>
</head><body><main><h1>Saksbord API v1</h1>
<p>JSON over HTTP. Sign in at <code>POST /api/v1/auth/sign-in</code> and send the token as <code>Authorization: Bearer …</code>.
Errors are <code>application/problem+json</code> documents; a 400 lists each bad field in <code>errors</code>, a refusal by a rule names it in <code>rule</code> with its <code>params</code>.
The machine-readable description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
${sections}
</main></body></html>`;
}
