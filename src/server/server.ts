/**
 * Starting and stopping a Saksbord server: open and migrate the database, connect the event
 * bus, build the app, listen. `close()` stops accepting connections, ends SSE streams,
 * finishes requests in flight, and closes the database.
 */
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServiceCalendar } from '@core/calendar';
import { defaultServiceConfig, type ServiceConfig } from '@core/config';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { municipalitiesKey, openMunicipalityDirectory } from './admin/municipality-directory';
import { createApp } from './app';
import {
  activeSessions,
  defaultSessionIdleMs,
  defaultSessionTtlMs,
  pruneExpiredSessions,
} from './auth/session-store';
import { defaultSignInLimits, pruneSignInFailures } from './auth/sign-in-limiter';
import { loadCase } from './cases/case-queries';
import { actorOf, mayReadCase } from './cases/case-rules';
import { refreshSlaFacts, replicaEpoch } from './cases/sla-facts-refresh';
import { type DatabaseOptions, migrateToLatest, openDatabase } from './db/database';
import { headSeq } from './db/write-lock';
import { type EventBus, inProcessBus, postgresBus } from './events/event-bus';
import { SseHub } from './events/sse-hub';
import type { AppEnv } from './http/app-env';
import { readTls, type TlsFiles, transportWarning } from './http/transport';
import { startNotifications, stopNotifications } from './notifications/notification-startup';
import { Metrics } from './observability/metrics';
import type { ServerContext, ServerOptions } from './server-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { loadServiceConfig } from './config-file';

export interface ContextOptions extends DatabaseOptions {
  config?: ServiceConfig;
  now?: () => Date;
  options?: Partial<ServerOptions>;
}

/** The session lifetime from SAKSBORD_SESSION_TTL_HOURS; a bad value stops start-up. */
export function sessionTtlFromEnv(hours: string | undefined): number {
  if (hours === undefined || hours === '') return defaultSessionTtlMs;
  const n = Number(hours);
  if (!Number.isFinite(n) || n <= 0 || n > 24 * 365) {
    throw new Error(
      `SAKSBORD_SESSION_TTL_HOURS must be a number of hours (0–8760), not "${hours}"`,
    );
  }
  return n * 3600_000;
}

/** The idle timeout from SAKSBORD_SESSION_IDLE_HOURS (0 turns it off); a bad value stops start-up. */
export function sessionIdleFromEnv(hours: string | undefined): number {
  if (hours === undefined || hours === '') return defaultSessionIdleMs;
  const n = Number(hours);
  if (!Number.isFinite(n) || n < 0 || n > 24 * 365) {
    throw new Error(
      `SAKSBORD_SESSION_IDLE_HOURS must be a number of hours (0–8760; 0 turns it off), not "${hours}"`,
    );
  }
  return n * 3600_000;
}

export async function createServerContext(opts: ContextOptions): Promise<ServerContext> {
  const dataDir = resolve(opts.dataDir ?? '.data');
  const handle = await openDatabase({ ...opts, dataDir });
  try {
    await migrateToLatest(handle);
    const refreshed = await refreshSlaFacts(handle.db);
    if (refreshed && refreshed.corrected > 0) {
      console.log(
        `SLA facts recomputed under today's rules: ${refreshed.corrected} case(s) corrected`,
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const config = opts.config ?? defaultServiceConfig;
  const metrics = new Metrics();
  metrics.headSeq = await headSeq(handle.db);
  // Raised only by refreshSlaFacts at a start, so read once here rather than on every pull.
  const epoch = await replicaEpoch(handle.db);
  const options: ServerOptions = {
    // A shorter lifetime for a stricter site: SAKSBORD_SESSION_TTL_HOURS (default 14 days).
    sessionTtlMs: sessionTtlFromEnv(process.env.SAKSBORD_SESSION_TTL_HOURS),
    // A session unused this long ends: SAKSBORD_SESSION_IDLE_HOURS (default 72 h; 0 = off).
    sessionIdleMs: sessionIdleFromEnv(process.env.SAKSBORD_SESSION_IDLE_HOURS),
    signInLimits: defaultSignInLimits,
    maxBodyBytes: 1024 * 1024,
    heartbeatMs: 15_000,
    dataDir,
    staticDir: resolve('out/web'),
    corsOrigins: [
      'saksbord://app',
      ...(process.env.SAKSBORD_CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ],
    ...(process.env.SAKSBORD_METRICS_TOKEN
      ? { metricsToken: process.env.SAKSBORD_METRICS_TOKEN }
      : {}),
    trustedProxies: (process.env.SAKSBORD_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    ...opts.options,
  };
  // The context is filled in below; the hub and bus need it to look cases up.
  const ctx = {
    handle,
    db: handle.db,
    config,
    calendar: createServiceCalendar(config.calendar),
    metrics,
    options,
    replicaEpoch: epoch,
    now: opts.now ?? (() => new Date()),
  } as ServerContext;
  ctx.hub = new SseHub({
    heartbeatMs: options.heartbeatMs,
    loadCase: (id) => loadCase(ctx, id),
    mayRead: (actor, record) => mayReadCase(ctx, actor, record),
    onCountChange: (n) => {
      metrics.sseClients = n;
    },
    now: () => ctx.now(),
    recheck: async (tokenHashes) => {
      const active = await activeSessions(ctx.db, tokenHashes, ctx.now());
      return new Map([...active].map(([hash, session]) => [hash, actorOf(session.user)]));
    },
  });
  let bus: EventBus;
  if (handle.pg) {
    bus = await postgresBus(handle.pg.config, handle.pg.schema, async () => ({
      cursor: await headSeq(handle.db),
    }));
  } else {
    bus = inProcessBus();
  }
  ctx.bus = bus;
  // The municipalities: seeded from the file once, then the database's (drift is reported).
  ctx.directory = await openMunicipalityDirectory(ctx.db, config, ctx.now(), (list) => {
    ctx.config = { ...ctx.config, municipalities: [...list] };
  });
  bus.subscribe((message) => {
    if (message.settingsChanged?.key === municipalitiesKey) {
      void ctx.directory.reload(ctx.db).catch((error) => {
        console.error('municipality directory reload failed:', (error as Error).message);
      });
    }
  });
  bus.subscribe((message) => {
    metrics.headSeq = Math.max(metrics.headSeq, message.cursor);
    void ctx.hub.deliver(message).catch((error) => {
      console.error('event delivery failed:', (error as Error).message);
    });
  });
  await startNotifications(ctx);
  return ctx;
}

export async function closeServerContext(ctx: ServerContext): Promise<void> {
  ctx.hub.closeAll();
  await stopNotifications(ctx);
  await ctx.bus.close();
  await ctx.handle.close();
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  app: Hono<AppEnv>;
  close(): Promise<void>;
}

export interface StartOptions extends ContextOptions {
  port?: number;
  host?: string;
  /** Serve HTTPS with this certificate and key (PEM files) instead of plain HTTP. */
  tls?: TlsFiles;
  /** How long requests in flight get to finish on close before connections are cut. */
  shutdownGraceMs?: number;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  // Read before anything starts: a missing or unreadable file stops start-up at once.
  const tls = opts.tls ? readTls(opts.tls) : undefined;
  const ctx = await createServerContext({
    ...opts,
    options: { ...opts.options, https: tls !== undefined },
  });
  let stopping = false;
  const app = createApp(ctx, { isShuttingDown: () => stopping });
  const host = opts.host ?? '127.0.0.1';
  // Requests whose handler has not returned yet (SSE handlers return at once: a stream).
  let inFlight = 0;
  const counted: typeof app.fetch = async (request, env, executionCtx) => {
    inFlight++;
    try {
      return await app.fetch(request, env, executionCtx);
    } finally {
      inFlight--;
    }
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve(
      {
        fetch: counted,
        port: opts.port ?? 0,
        hostname: host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolveServer(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const warning = transportWarning(host, tls !== undefined);
  if (warning) console.warn(warning);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  ctx.notifications.publicUrl = `http://${shownHost}:${port}`;
  // Expired sessions and sign-in failures older than the limiter's window, hourly.
  const prune = setInterval(() => {
    void pruneExpiredSessions(ctx.db, ctx.now()).catch(() => {});
    void pruneSignInFailures(ctx.db, ctx.now(), ctx.options.signInLimits).catch(() => {});
  }, 3600_000);
  prune.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopping = true;
      clearInterval(prune);
      const closed = new Promise<void>((r) => server.close(() => r()));
      ctx.hub.closeAll();
      // Requests in flight finish (their handlers return and their bodies are written);
      // then the connections left (keep-alive, half-open) are cut. A request that does not
      // finish within the grace period is cut too.
      const http = server as HttpServer;
      http.closeIdleConnections();
      const deadline = Date.now() + (opts.shutdownGraceMs ?? 10_000);
      while (inFlight > 0 && Date.now() < deadline) await sleep(20);
      await sleep(50);
      http.closeAllConnections();
      await closed;
      await closeServerContext(ctx);
    })();
    return closing;
  };
  return { url: `${tls ? 'https' : 'http'}://${shownHost}:${port}`, port, ctx, app, close };
}
