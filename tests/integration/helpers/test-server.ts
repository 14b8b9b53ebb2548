/**
 * An in-process Saksbord server for tests: a fresh database (SQLite temp dir or a new
 * PostgreSQL schema), a handful of accounts, and a `call` helper that goes through
 * Hono's `app.request` (the whole middleware stack, no socket).
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from '../../../src/server/app';
import { hashPassword } from '../../../src/server/auth/passwords';
import type { AppEnv } from '../../../src/server/http/app-env';
import {
  closeServerContext,
  createServerContext,
  type StartOptions,
  startServer,
} from '../../../src/server/server';
import type { ServerContext, ServerOptions } from '../../../src/server/server-context';
import { createUser } from '../../../src/server/users/user-store';
import type { TestEngine } from './engines';

export const testPassword = 'riktig-passord-1';
let passwordHash: Promise<string> | undefined;

export const testUsers = {
  agent: { role: 'agent', municipalityIds: [] },
  agent2: { role: 'agent', municipalityIds: [] },
  consultantMolde: { role: 'consultant', municipalityIds: ['molde'] },
  consultantRauma: { role: 'consultant', municipalityIds: ['rauma'] },
  senior: { role: 'senior', municipalityIds: [] },
  teamLeader: { role: 'teamLeader', municipalityIds: [] },
  admin: { role: 'admin', municipalityIds: [] },
  requesterKari: { role: 'requester', municipalityIds: ['molde'] },
  requesterOla: { role: 'requester', municipalityIds: ['rauma'] },
} as const;
export type TestUserName = keyof typeof testUsers;

export async function seedTestUsers(ctx: ServerContext): Promise<Record<TestUserName, string>> {
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  const ids = {} as Record<TestUserName, string>;
  for (const [username, user] of Object.entries(testUsers)) {
    const created = await createUser(
      ctx.db,
      {
        username,
        displayName: username,
        role: user.role,
        municipalityIds: [...user.municipalityIds],
        password: '',
      },
      new Date(),
      hash,
    );
    ids[username as TestUserName] = created.id;
  }
  return ids;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is instead of JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever came back
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Call = (method: string, path: string, options?: CallOptions) => Promise<CallResult>;

export function caller(
  fetcher: (req: Request) => Response | Promise<Response>,
  base: string,
): Call {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetcher(new Request(`${base}${path}`, { method, headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (metrics, SSE): keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
}

export interface TestServer {
  ctx: ServerContext;
  app: Hono<AppEnv>;
  call: Call;
  ids: Record<TestUserName, string>;
  tokens: Record<TestUserName, string>;
  signIn(username: string, password?: string): Promise<CallResult>;
  close(): Promise<void>;
}

export async function testServer(
  engine: TestEngine,
  options: Partial<ServerOptions> = {},
  now?: () => Date,
): Promise<TestServer> {
  const ctx = await createServerContext({
    ...engine.freshLocation(),
    // Every answer is checked against the API contract.
    options: { staticDir: null, validateResponses: true, ...options },
    ...(now ? { now } : {}),
  });
  const app = createApp(ctx);
  const call = caller((req) => app.request(req), 'http://test');
  return finishSetup(ctx, app, call, () => closeServerContext(ctx));
}

async function finishSetup(
  ctx: ServerContext,
  app: Hono<AppEnv>,
  call: Call,
  close: () => Promise<void>,
): Promise<TestServer> {
  const ids = await seedTestUsers(ctx);
  const signIn = (username: string, password = testPassword) =>
    call('POST', '/api/v1/auth/sign-in', {
      body: { username, password, deviceId: `device-${username}` },
    });
  const tokens = {} as Record<TestUserName, string>;
  for (const username of Object.keys(testUsers) as TestUserName[]) {
    const res = await signIn(username);
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`);
    tokens[username] = res.body.token;
  }
  return { ctx, app, call, ids, tokens, signIn, close };
}

/** A real listening server on 127.0.0.1, port 0. */
export async function listeningTestServer(
  engine: TestEngine,
  location = engine.freshLocation(),
  seed = true,
  extra: Partial<StartOptions> = {},
): Promise<TestServer & { url: string }> {
  const server = await startServer({
    ...location,
    host: '127.0.0.1',
    port: 0,
    options: { staticDir: null, heartbeatMs: 1_000, validateResponses: true },
    ...extra,
  });
  const call = caller((req) => fetch(req), server.url);
  if (!seed) {
    return {
      ctx: server.ctx,
      app: server.app,
      call,
      ids: {} as Record<TestUserName, string>,
      tokens: {} as Record<TestUserName, string>,
      signIn: (username, password = testPassword) =>
        call('POST', '/api/v1/auth/sign-in', { body: { username, password } }),
      close: server.close,
      url: server.url,
    };
  }
  const ready = await finishSetup(server.ctx, server.app, call, server.close);
  return { ...ready, url: server.url };
}

/** A `created` change body for POST /cases. */
export function newCaseBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Skrivaren på legekontoret skriv ikkje ut',
    description: 'Papirstopp, og lampa blinkar raudt.',
    priority: 'medium',
    channel: 'phone',
    requester: { name: 'Kari Nordmann', municipalityId: 'molde', contact: '900 00 000' },
    ...overrides,
  };
}

export function mutation(caseId: string, change: Record<string, unknown>, baseVersion = 0) {
  return {
    mutationId: randomUUID(),
    caseId,
    baseVersion,
    clientAt: new Date().toISOString(),
    change,
  };
}
