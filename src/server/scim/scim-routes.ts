/**
 * SCIM 2.0 provisioning (RFC 7643/7644) at `/scim/v2`: Users and Groups, for the identity
 * providers whose configuration names `scimTokenEnv`. One base for all providers; the bearer
 * secret tells which provider calls, and a provider sees and changes only its own accounts.
 *
 * Mounted plainly, outside core's HTTP contract (src/core/api), on purpose: SCIM has its own
 * media type (`application/scim+json`), its own error bodies (RFC 7644 §3.12, not RFC 9457
 * problem documents), its own authentication (a provider's secret, not a user's session) and
 * resources whose attributes the client defines (extensions, any case) — none of which the
 * contract's JSON routes, sessions and zod-typed answers describe.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IdentityProviderConfig } from '@core/config/identity-provider';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import type { ServerContext } from '../server-context';
import { announceSessionsEnded } from '../users/user-sessions';
import { ScimError, scimErrorBody, scimMediaType } from './scim-error';
import { parseScimFilter, type ScimFilter } from './scim-filter';
import { applyPatch, parsePatchBody } from './scim-patch';
import {
  enterpriseUserUrn,
  groupSchemaUrn,
  isJsonObject,
  type Json,
  listResponse,
  userSchemaUrn,
  withoutExcluded,
} from './scim-resources';
import {
  createScimGroup,
  createScimUser,
  deleteScimGroup,
  deleteScimUser,
  findScimGroups,
  findScimUsers,
  getScimGroup,
  getScimUser,
  type ScimScope,
  type ScimWriteOutcome,
  writeScimGroup,
  writeScimUser,
} from './scim-store';

export const scimBasePath = '/scim/v2';

/** Largest page a client may ask for (`count`); asked for more, it gets this many. */
export const maxScimPageSize = 200;
const defaultPageSize = 100;

interface ScimProvider {
  provider: IdentityProviderConfig;
  secretDigest: Buffer;
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/**
 * The providers with SCIM on, each with the digest of its secret. A provider whose
 * `scimTokenEnv` names an unset or empty variable stops start-up with one line naming it.
 */
export function scimProviders(
  providers: readonly IdentityProviderConfig[],
  env: Readonly<Record<string, string | undefined>>,
): ScimProvider[] {
  return providers.flatMap((provider, i) => {
    if (!provider.scimTokenEnv) return [];
    const secret = env[provider.scimTokenEnv];
    if (!secret) {
      throw new Error(
        `identityProviders.${i}.scimTokenEnv: the environment variable ${provider.scimTokenEnv} is not set`,
      );
    }
    if (secret.length < 20) {
      throw new Error(
        `identityProviders.${i}.scimTokenEnv: the secret in ${provider.scimTokenEnv} is too short (at least 20 characters)`,
      );
    }
    return [{ provider, secretDigest: digest(secret) }];
  });
}

function scimJson(c: Context, body: unknown, status: number, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': scimMediaType,
    ...headers,
  });
}

function scimErrorResponse(c: Context, error: ScimError) {
  const headers: Record<string, string> =
    error.status === 401 ? { 'www-authenticate': 'Bearer realm="scim"' } : {};
  return scimJson(
    c,
    scimErrorBody(error.status, error.detail, error.scimType),
    error.status,
    headers,
  );
}

async function readJson(c: Context): Promise<Json> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && type !== scimMediaType && type !== 'application/json') {
    throw new ScimError(400, `content-type: expected ${scimMediaType}`, 'invalidSyntax');
  }
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new ScimError(400, 'body: not valid JSON', 'invalidSyntax');
  }
  if (!isJsonObject(value))
    throw new ScimError(400, 'body: expected a JSON object', 'invalidSyntax');
  return value;
}

function requireSchema(doc: Json, urn: string): void {
  const schemas = doc.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === urn.toLowerCase())
  ) {
    throw new ScimError(400, `schemas: must contain "${urn}"`, 'invalidValue');
  }
}

interface Page {
  startIndex: number;
  count: number;
}

function pageOf(c: Context): Page {
  const number = (name: string, fallback: number, min: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value))
      throw new ScimError(400, `${name}: must be an integer`, 'invalidValue');
    return Math.max(min, value);
  };
  return {
    // RFC 7644 §3.4.2.4: a startIndex below 1 is taken as 1, a negative count as 0.
    startIndex: number('startIndex', 1, 1),
    count: Math.min(number('count', defaultPageSize, 0), maxScimPageSize),
  };
}

/** The `:id` of the path. */
const idOf = (c: Context): string => c.req.param('id') ?? '';

function filterOf(c: Context): ScimFilter | undefined {
  const text = c.req.query('filter');
  return text ? parseScimFilter(text) : undefined;
}

function listAnswer(c: Context, all: Json[], page: Page) {
  const excluded = c.req.query('excludedAttributes');
  const slice = all.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
  return scimJson(
    c,
    listResponse(
      slice.map((r) => withoutExcluded(r, excluded)),
      all.length,
      page.startIndex,
    ),
    200,
  );
}

export function mountScimRoutes(
  app: Hono<AppEnv>,
  ctx: ServerContext,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const providers = scimProviders(ctx.config.identityProviders ?? [], env);
  // Without a provider that provisions, there is no SCIM endpoint at all.
  if (providers.length === 0) return;

  const scopeOf = (c: Context): ScimScope => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (match) {
      const presented = digest(match[1]!);
      // Compare with every provider's digest (same length, constant time), so timing tells nothing.
      let found: ScimProvider | undefined;
      for (const p of providers) {
        if (timingSafeEqual(presented, p.secretDigest)) found ??= p;
      }
      if (found) {
        return { provider: found.provider, base: `${new URL(c.req.url).origin}${scimBasePath}` };
      }
    }
    throw new ScimError(401, 'authorization: a provider’s SCIM bearer secret is required');
  };

  type Handler = (c: Context, scope: ScimScope) => Promise<Response>;
  const handle =
    (handler: Handler) =>
    async (c: Context): Promise<Response> => {
      try {
        return await handler(c, scopeOf(c));
      } catch (error) {
        if (error instanceof ScimError) return scimErrorResponse(c, error);
        console.error(`SCIM ${c.req.method} ${c.req.path} failed:`, error);
        return scimErrorResponse(c, new ScimError(500, 'something went wrong on the server'));
      }
    };

  /** Runs a write in one transaction (ended sessions are announced after the commit). */
  const inTransaction = <T>(run: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    ctx.db.transaction().execute(run);

  const afterWrite = async (outcome: ScimWriteOutcome): Promise<Json> => {
    if (outcome.endedUserId) await announceSessionsEnded(ctx, { userId: outcome.endedUserId });
    return outcome.resource;
  };

  const base = scimBasePath;
  app.use(
    `${base}/*`,
    bodyLimit({
      maxSize: Math.max(ctx.options.maxBodyBytes, 1024 * 1024),
      onError: (c) => scimErrorResponse(c, new ScimError(413, 'body: too large')),
    }),
  );

  // ---- discovery (RFC 7644 §4)
  app.get(
    `${base}/ServiceProviderConfig`,
    handle(async (c) =>
      scimJson(
        c,
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
          patch: { supported: true },
          bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
          filter: { supported: true, maxResults: maxScimPageSize },
          changePassword: { supported: false },
          sort: { supported: false },
          etag: { supported: false },
          authenticationSchemes: [
            {
              type: 'oauthbearertoken',
              name: 'Bearer secret',
              description:
                'The secret in the environment variable the provider’s scimTokenEnv names',
              primary: true,
            },
          ],
          meta: {
            resourceType: 'ServiceProviderConfig',
            location: `${base}/ServiceProviderConfig`,
          },
        },
        200,
      ),
    ),
  );
  app.get(
    `${base}/ResourceTypes`,
    handle(async (c) =>
      scimJson(
        c,
        listResponse(
          [
            {
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
              id: 'User',
              name: 'User',
              endpoint: '/Users',
              schema: userSchemaUrn,
              schemaExtensions: [{ schema: enterpriseUserUrn, required: false }],
            },
            {
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
              id: 'Group',
              name: 'Group',
              endpoint: '/Groups',
              schema: groupSchemaUrn,
            },
          ],
          2,
          1,
        ),
        200,
      ),
    ),
  );

  // ---- Users
  app.get(
    `${base}/Users`,
    handle(async (c, scope) =>
      listAnswer(c, await findScimUsers(ctx.db, scope, filterOf(c)), pageOf(c)),
    ),
  );
  app.get(
    `${base}/Users/:id`,
    handle(async (c, scope) =>
      scimJson(
        c,
        withoutExcluded(
          await getScimUser(ctx.db, scope, idOf(c)),
          c.req.query('excludedAttributes'),
        ),
        200,
      ),
    ),
  );
  app.post(
    `${base}/Users`,
    handle(async (c, scope) => {
      const doc = await readJson(c);
      requireSchema(doc, userSchemaUrn);
      const resource = await afterWrite(
        await inTransaction((trx) => createScimUser(trx, scope, doc, ctx.now())),
      );
      const location = (resource.meta as { location: string }).location;
      return scimJson(c, resource, 201, { location });
    }),
  );
  app.put(
    `${base}/Users/:id`,
    handle(async (c, scope) => {
      const doc = await readJson(c);
      requireSchema(doc, userSchemaUrn);
      const id = idOf(c);
      const resource = await afterWrite(
        await inTransaction((trx) => writeScimUser(trx, scope, id, doc, ctx.now())),
      );
      return scimJson(c, resource, 200);
    }),
  );
  app.patch(
    `${base}/Users/:id`,
    handle(async (c, scope) => {
      const operations = parsePatchBody(await readJson(c));
      const id = idOf(c);
      const resource = await afterWrite(
        await inTransaction(async (trx) => {
          const current = await getScimUser(trx, scope, id);
          return writeScimUser(trx, scope, id, applyPatch(current, operations), ctx.now());
        }),
      );
      return scimJson(c, resource, 200);
    }),
  );
  app.delete(
    `${base}/Users/:id`,
    handle(async (c, scope) => {
      const id = idOf(c);
      await inTransaction((trx) => deleteScimUser(trx, scope, id, ctx.now()));
      await announceSessionsEnded(ctx, { userId: id });
      return c.body(null, 204);
    }),
  );

  // ---- Groups
  app.get(
    `${base}/Groups`,
    handle(async (c, scope) =>
      listAnswer(c, await findScimGroups(ctx.db, scope, filterOf(c)), pageOf(c)),
    ),
  );
  app.get(
    `${base}/Groups/:id`,
    handle(async (c, scope) =>
      scimJson(
        c,
        withoutExcluded(
          await getScimGroup(ctx.db, scope, idOf(c)),
          c.req.query('excludedAttributes'),
        ),
        200,
      ),
    ),
  );
  app.post(
    `${base}/Groups`,
    handle(async (c, scope) => {
      const doc = await readJson(c);
      requireSchema(doc, groupSchemaUrn);
      const resource = await inTransaction((trx) => createScimGroup(trx, scope, doc, ctx.now()));
      const location = (resource.meta as { location: string }).location;
      return scimJson(c, resource, 201, { location });
    }),
  );
  app.put(
    `${base}/Groups/:id`,
    handle(async (c, scope) => {
      const doc = await readJson(c);
      requireSchema(doc, groupSchemaUrn);
      const id = idOf(c);
      const resource = await inTransaction((trx) => writeScimGroup(trx, scope, id, doc, ctx.now()));
      return scimJson(c, resource, 200);
    }),
  );
  app.patch(
    `${base}/Groups/:id`,
    handle(async (c, scope) => {
      const operations = parsePatchBody(await readJson(c));
      const id = idOf(c);
      await inTransaction(async (trx) => {
        const current = await getScimGroup(trx, scope, id);
        return writeScimGroup(trx, scope, id, applyPatch(current, operations), ctx.now());
      });
      // Entra ID expects 204 for a PATCH of a group (RFC 7644 §3.5.2 allows it).
      return c.body(null, 204);
    }),
  );
  app.delete(
    `${base}/Groups/:id`,
    handle(async (c, scope) => {
      const id = idOf(c);
      await inTransaction((trx) => deleteScimGroup(trx, scope, id, ctx.now()));
      return c.body(null, 204);
    }),
  );

  app.all(`${base}/*`, (c) =>
    scimErrorResponse(c, new ScimError(404, `no SCIM endpoint ${c.req.method} ${c.req.path}`)),
  );
}
