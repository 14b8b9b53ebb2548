/**
 * The open Server-Sent Events streams of this process. On every committed change (from the
 * event bus) each client gets a "changes" poke with the newest cursor (coalesced, so a burst
 * of writes is one poke), and clients who may read a case that became critical get a
 * "critical" event with its summary at once. A changed run-time setting (the SLA targets)
 * is a "settingsChanged" event to every client, so they fetch the configuration again.
 */
import type { Socket } from 'node:net';
import type { CaseRecord } from '@core/case';
import type { LiveEvent } from '@core/sync';
import type { SSEStreamingApi } from 'hono/streaming';
import type { CaseActor } from '../cases/case-rules';
import type { BusMessage } from './event-bus';

interface Client {
  actor: CaseActor;
  stream: SSEStreamingApi;
  close: () => void;
}

export interface SseHubOptions {
  heartbeatMs: number;
  /** How long "changes" pokes are gathered before sending one. */
  coalesceMs?: number;
  loadCase: (id: string) => Promise<CaseRecord | undefined>;
  mayRead: (actor: CaseActor, record: CaseRecord) => boolean;
  onCountChange?: (count: number) => void;
}

export class SseHub {
  private readonly clients = new Set<Client>();
  private pendingCursor = -1;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  /** Sockets carrying SSE streams: cut at shutdown, since a stream never finishes by itself. */
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: SseHubOptions) {
    this.heartbeat = setInterval(() => {
      for (const client of this.clients)
        void this.send(client, () => client.stream.write(': ping\n\n'));
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Remembers the socket of an SSE request until it closes. */
  trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Keeps the stream open until the client leaves or the hub closes. */
  attach(actor: CaseActor, stream: SSEStreamingApi, cursor: number): Promise<void> {
    return new Promise((resolve) => {
      const client: Client = {
        actor,
        stream,
        close: () => {
          if (!this.clients.delete(client)) return;
          this.options.onCountChange?.(this.clients.size);
          resolve();
        },
      };
      this.clients.add(client);
      this.options.onCountChange?.(this.clients.size);
      stream.onAbort(client.close);
      // Tell the client where the server is, so it can pull at once after (re)connecting.
      void this.sendEvent(client, { type: 'changes', cursor });
    });
  }

  /** Handles one bus message. */
  async deliver(message: BusMessage): Promise<void> {
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
      if (record) {
        const event: LiveEvent = { type: 'critical', cursor: message.cursor, case: record };
        for (const client of this.clients) {
          if (this.options.mayRead(client.actor, record)) void this.sendEvent(client, event);
        }
      }
    }
    this.pendingCursor = Math.max(this.pendingCursor, message.cursor);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.coalesceMs ?? 20);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const event: LiveEvent = { type: 'changes', cursor: this.pendingCursor };
    for (const client of this.clients) void this.sendEvent(client, event);
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

  /** Ends every stream (shutdown), so the HTTP server can finish. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const client of [...this.clients]) {
      client.close();
      void client.stream.close().catch(() => {});
    }
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
