/**
 * The open Server-Sent Events streams of this process. On every committed change (from the
 * event bus) each staff client gets a "changes" poke with the newest cursor (coalesced, so a
 * burst of writes is one poke), and staff who may read a case that became critical get a
 * "critical" event with its summary at once. A requester's stream is poked only when one of
 * their own cases changed, and never carries a case (the portal pulls its own projection). A
 * changed run-time setting (the SLA targets) is a "settingsChanged" event to every client, so
 * they fetch the configuration again.
 *
 * A stream lives no longer than its session: it ends when the session is signed out or the
 * user disabled (a bus message, so every process hears it), at the token's expiry (a timer),
 * and whenever a re-check of the sessions finds it gone — at every heartbeat and before every
 * critical event, so a session ended where no message reaches (the CLI on SQLite) cannot
 * receive a case. The re-check also re-reads each actor's role and municipalities.
 */
import type { Socket } from 'node:net';
import type { CaseRecord } from '@core/case';
import type { LiveEvent } from '@core/sync';
import type { SSEStreamingApi } from 'hono/streaming';
import type { CaseActor } from '../cases/case-rules';
import type { BusMessage } from './event-bus';

/** The session a stream was opened with. */
export interface StreamSession {
  tokenHash: string;
  userId: string;
  expiresAt: string;
}

interface Client {
  actor: CaseActor;
  session: StreamSession;
  stream: SSEStreamingApi;
  /** A requester's stream waits for a poke about one of their own cases. */
  pokePending: boolean;
  expiry: NodeJS.Timeout | undefined;
  close: () => void;
}

export interface SseHubOptions {
  heartbeatMs: number;
  /** How long "changes" pokes are gathered before sending one. */
  coalesceMs?: number;
  loadCase: (id: string) => Promise<CaseRecord | undefined>;
  mayRead: (actor: CaseActor, record: CaseRecord) => boolean;
  onCountChange?: (count: number) => void;
  /** The clock (for token expiry). */
  now?: () => Date;
  /**
   * The still-valid sessions among these token hashes, with each one's actor as stored now.
   * Without it streams are never re-checked (unit tests of the hub).
   */
  recheck?: (tokenHashes: string[]) => Promise<Map<string, CaseActor>>;
}

/** Timers take at most 2^31-1 ms; a longer expiry is caught by a later heartbeat. */
const maxTimerMs = 2_147_483_647;

export class SseHub {
  private readonly clients = new Set<Client>();
  private pendingCursor = -1;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private rechecking: Promise<void> | undefined;
  /** Sockets carrying SSE streams: cut at shutdown if a stream's end does not close them. */
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: SseHubOptions) {
    this.heartbeat = setInterval(() => {
      for (const client of this.clients)
        void this.send(client, () => client.stream.write(': ping\n\n'));
      void this.recheck().catch(() => {});
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** How many streams a session has open (capped by the route). */
  streamsOf(tokenHash: string): number {
    let n = 0;
    for (const client of this.clients) if (client.session.tokenHash === tokenHash) n++;
    return n;
  }

  /** Remembers the socket of an SSE request until it closes. */
  trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Keeps the stream open until the client leaves, its session ends, or the hub closes. */
  attach(
    actor: CaseActor,
    stream: SSEStreamingApi,
    cursor: number,
    session: StreamSession,
  ): Promise<void> {
    return new Promise((resolve) => {
      const client: Client = {
        actor,
        session,
        stream,
        pokePending: false,
        expiry: undefined,
        close: () => {
          if (!this.clients.delete(client)) return;
          if (client.expiry) clearTimeout(client.expiry);
          this.options.onCountChange?.(this.clients.size);
          resolve();
        },
      };
      this.clients.add(client);
      this.options.onCountChange?.(this.clients.size);
      stream.onAbort(client.close);
      const now = (this.options.now ?? (() => new Date()))().getTime();
      const left = Date.parse(session.expiresAt) - now;
      if (left <= 0) {
        this.end(client);
        return;
      }
      client.expiry = setTimeout(
        () => (left > maxTimerMs ? undefined : this.end(client)),
        Math.min(left, maxTimerMs),
      );
      client.expiry.unref();
      // Tell the client where the server is, so it can pull at once after (re)connecting.
      void this.sendEvent(client, { type: 'changes', cursor });
    });
  }

  /** Ends one stream: the response finishes, the client sees the stream close. */
  private end(client: Client): void {
    client.close();
    void client.stream.close().catch(() => {});
  }

  /** Ends the streams of a session, or of every session of a user. */
  endSessions(match: { tokenHash?: string; userId?: string }): void {
    for (const client of [...this.clients]) {
      if (
        (match.tokenHash !== undefined && client.session.tokenHash === match.tokenHash) ||
        (match.userId !== undefined && client.session.userId === match.userId)
      ) {
        this.end(client);
      }
    }
  }

  /**
   * Re-checks every stream's session in one query: streams of ended sessions end, and the
   * others get their actor as stored now. Concurrent calls share one run.
   */
  recheck(): Promise<void> {
    const check = this.options.recheck;
    if (!check || this.clients.size === 0) return Promise.resolve();
    this.rechecking ??= (async () => {
      try {
        const clients = [...this.clients];
        const active = await check(clients.map((c) => c.session.tokenHash));
        const now = (this.options.now ?? (() => new Date()))().getTime();
        for (const client of clients) {
          const actor = active.get(client.session.tokenHash);
          if (!actor || Date.parse(client.session.expiresAt) <= now) this.end(client);
          else client.actor = actor;
        }
      } finally {
        this.rechecking = undefined;
      }
    })();
    return this.rechecking;
  }

  /** Handles one bus message. */
  async deliver(message: BusMessage): Promise<void> {
    if (message.sessionEnded) {
      this.endSessions(message.sessionEnded);
      return;
    }
    if (message.settingsChanged) {
      // Everyone signed in reads the configuration, so everyone is told; no case changed, so
      // there is no "changes" poke.
      const event: LiveEvent = {
        type: 'settingsChanged',
        cursor: message.cursor,
        ...message.settingsChanged,
      };
      for (const client of this.clients) void this.sendEvent(client, event);
      return;
    }
    if (message.criticalCaseId) {
      const record = message.criticalCase ?? (await this.options.loadCase(message.criticalCaseId));
      const staff = () => [...this.clients].filter((c) => c.actor.role !== 'requester');
      if (record && staff().some((c) => this.options.mayRead(c.actor, record))) {
        // The case goes out in full: only to sessions valid now, with roles as they are now.
        await this.recheck();
        const event: LiveEvent = { type: 'critical', cursor: message.cursor, case: record };
        for (const client of staff()) {
          if (this.options.mayRead(client.actor, record)) void this.sendEvent(client, event);
        }
      }
    }
    for (const client of this.clients) {
      if (client.actor.role !== 'requester') continue;
      // A message without requesters (a poke after a reconnect) may stand for anything.
      if (!message.requesterIds || message.requesterIds.includes(client.actor.id)) {
        client.pokePending = true;
      }
    }
    this.pendingCursor = Math.max(this.pendingCursor, message.cursor);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.coalesceMs ?? 20);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const event: LiveEvent = { type: 'changes', cursor: this.pendingCursor };
    for (const client of this.clients) {
      if (client.actor.role === 'requester') {
        if (!client.pokePending) continue;
        client.pokePending = false;
      }
      void this.sendEvent(client, event);
    }
  }

  private sendEvent(client: Client, event: LiveEvent): Promise<void> {
    return this.send(client, () =>
      client.stream.writeSSE({
        event: event.type,
        data: JSON.stringify(event),
        id: String(event.cursor),
      }),
    );
  }

  private async send(client: Client, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch {
      client.close();
    }
  }

  /**
   * Ends every stream (shutdown), so the HTTP server can finish: each response is ended
   * properly (the client sees the stream finish, not a cut connection); a socket still open
   * a second later is cut.
   */
  closeAll(): void {
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const client of [...this.clients]) this.end(client);
    const sockets = [...this.sockets];
    this.sockets.clear();
    if (sockets.length > 0) {
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 1_000).unref();
    }
  }
}
