/** Everything a request handler needs, built once per server process. */

import type { ServiceCalendar } from '@core/calendar';
import type { ServiceConfig } from '@core/config/service-config';
import type { Kysely } from 'kysely';
import type { MunicipalityDirectory } from './admin/municipality-directory';
import type { SignInLimits } from './auth/sign-in-limiter';
import type { DatabaseHandle } from './db/database';
import type { Database } from './db/schema';
import type { EventBus } from './events/event-bus';
import type { SseHub } from './events/sse-hub';
import type {
  NotificationService,
  NotificationServiceOptions,
} from './notifications/notification-service';
import type { Metrics } from './observability/metrics';

export interface ServerOptions {
  /** How long a bearer token is valid. */
  sessionTtlMs: number;
  /** A session unused for this long ends (0: never); default `defaultSessionIdleMs`. */
  sessionIdleMs?: number;
  signInLimits: SignInLimits;
  /** Largest JSON body accepted (413 above). */
  maxBodyBytes: number;
  /** Seconds between SSE heartbeat comments (each also re-checks the streams' sessions). */
  heartbeatMs: number;
  /** Event streams one session may hold open at once (429 above; default 8). */
  maxStreamsPerSession?: number;
  /** The server itself speaks HTTPS (given a certificate): answers carry HSTS. */
  https?: boolean;
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` is believed for the client's address
   * (the sign-in limiter counts per address). Empty: the socket's peer is the client. From
   * SAKSBORD_TRUSTED_PROXIES (comma-separated).
   */
  trustedProxies?: string[];
  /**
   * The longest offline work accepted: a change's time is never put earlier than this before
   * the server's clock (default: the session lifetime, since pushing needs a valid token).
   */
  maxOfflineMs?: number;
  /** Where attachments are stored. */
  dataDir: string;
  /** Each user's budget of writes (http/write-rate-limit.ts; default 1000, 1000 a minute). */
  writeRateLimit?: { capacity: number; perMinute: number };
  /** Mutations per write transaction in a push (default 25), so others get their turn. */
  pushChunkSize?: number;
  /** Comments one case may hold (default 1000; `case.tooManyComments` beyond). */
  maxCommentsPerCase?: number;
  /** When set, /metrics answers only `Authorization: Bearer <it>` (SAKSBORD_METRICS_TOKEN). */
  metricsToken?: string;
  /** Bytes of attachments one user may store in all (413 above; default 500 MiB). */
  uploadQuotaBytes?: number;
  /** Free bytes kept in reserve where files go: uploads get 507 and /readyz 503 below it. */
  minFreeBytes?: number;
  /**
   * Origins allowed to call the API from a browser context (CORS), besides the server's own:
   * the desktop app's bundled renderer (`saksbord://app`) and any set in SAKSBORD_CORS_ORIGINS.
   */
  corsOrigins: string[];
  /** The built web renderer, served at `/` when it exists. */
  staticDir: string | null;
  /**
   * Check every JSON answer against the API contract's schema for its status (a mismatch is
   * a 500 naming the route and field). On in the tests; off in production, where the types
   * already hold the handlers to the contract.
   */
  validateResponses?: boolean;
  /** The notification outbox's dispatcher settings (tests shorten its lease and polling). */
  notifications?: NotificationServiceOptions;
}

export interface ServerContext {
  handle: DatabaseHandle;
  db: Kysely<Database>;
  /**
   * The configuration file, except `municipalities`, which is kept equal to the live
   * directory (`directory.all`): the database is their truth after the first start.
   */
  config: ServiceConfig;
  /** The municipality directory (admin/municipality-directory.ts), live in every process. */
  directory: MunicipalityDirectory;
  calendar: ServiceCalendar;
  bus: EventBus;
  hub: SseHub;
  metrics: Metrics;
  options: ServerOptions;
  /**
   * The replica epoch pull pages carry (see cases/sla-facts-refresh.ts). It changes only when
   * a server corrects stored facts at its start, before it serves, and every process running
   * the same rules finds the same: read once when the context is made.
   */
  replicaEpoch: number;
  /** The clock; tests may pass a fixed one. */
  now: () => Date;
  /** The notification outbox: channel senders and the dispatcher (notifications/README.md). */
  notifications: NotificationService;
}
