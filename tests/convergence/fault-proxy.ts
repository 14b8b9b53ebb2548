/**
 * A fault-injecting TCP proxy for the convergence run: one listening port per client, in
 * front of the real server processes. It moves bytes and, per exchange (a request and its
 * answer; client bytes after an answer began start the next one on a kept-alive
 * connection), may delay them, stall them past the client's timeout, or cut the connection
 * part-way through the request or the answer. A `Network` holds the servers (their current
 * port, or down after a kill) and the partitions: a partitioned client or server gets
 * nothing through (new and open connections are black holes, the client's timeout fires)
 * until the partition heals, when the frozen connections are cut. While a client's own
 * server is down its proxy sends it to another one that is up (two servers on PostgreSQL).
 *
 * Which fault an exchange meets is drawn from the proxy's own seeded PRNG, in the order the
 * exchanges arrive; that order itself depends on the timing of real sockets.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export type FaultKind =
  | 'none'
  | 'delay'
  | 'stallRequest'
  | 'stallResponse'
  | 'cutRequest'
  | 'cutResponse';

export interface FaultRates {
  /** Each chunk waits 5–150 ms (in order). */
  delay: number;
  /** The request's bytes are held past the client's timeout, then delivered late or dropped. */
  stallRequest: number;
  /** The answer is held past the client's timeout (the server did the work). */
  stallResponse: number;
  /** Cut after a random number of request bytes. */
  cutRequest: number;
  /** Cut after a random number of answer bytes. */
  cutResponse: number;
}

export const defaultFaultRates: FaultRates = {
  delay: 0.2,
  stallRequest: 0.03,
  stallResponse: 0.03,
  cutRequest: 0.04,
  cutResponse: 0.05,
};

export interface ServerEndpoint {
  name: string;
  /** null while the process is down. */
  port: number | null;
  partitioned: boolean;
}

interface Conn {
  client: Socket;
  upstream: Socket | null;
  server: ServerEndpoint | null;
  frozen: boolean;
  closed: boolean;
}

/** The servers and every client's proxy: partitions, failover, healing. */
export class Network {
  readonly servers: ServerEndpoint[];
  readonly proxies: FaultProxy[] = [];
  constructor(names: string[]) {
    this.servers = names.map((name) => ({ name, port: null, partitioned: false }));
  }

  setPort(index: number, port: number | null): void {
    this.servers[index]!.port = port;
  }

  partitionServer(index: number, on: boolean): void {
    const server = this.servers[index]!;
    server.partitioned = on;
    for (const proxy of this.proxies) proxy.serverPartitionChanged(server, on);
  }

  healAll(): void {
    for (let i = 0; i < this.servers.length; i++) this.partitionServer(i, false);
    for (const proxy of this.proxies) {
      proxy.partition(false);
      proxy.faults = false;
    }
  }
}

export interface FaultProxyOptions {
  name: string;
  network: Network;
  /** The server this client talks to while it is up (others take over while it is down). */
  home: number;
  random: () => number;
  /** How long a stall lasts (longer than the client's request timeout). */
  stallMs: [number, number];
  rates?: FaultRates;
}

export class FaultProxy {
  faults = true;
  readonly stats: Record<string, number> = {};
  private partitioned = false;
  private readonly conns = new Set<Conn>();
  private server: Server | null = null;
  private readonly rates: FaultRates;

  constructor(private readonly options: FaultProxyOptions) {
    this.rates = options.rates ?? defaultFaultRates;
    options.network.proxies.push(this);
  }

  private bump(key: string): void {
    this.stats[key] = (this.stats[key] ?? 0) + 1;
  }

  async listen(): Promise<number> {
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no port');
    return address.port;
  }

  async close(): Promise<void> {
    for (const conn of this.conns) this.destroy(conn);
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Cuts this client off (on) or lets it through again (off; frozen connections are cut). */
  partition(on: boolean): void {
    if (this.partitioned === on) return;
    this.partitioned = on;
    for (const conn of this.conns) {
      if (on) conn.frozen = true;
      else if (conn.frozen && !(conn.server?.partitioned ?? false)) this.destroy(conn);
    }
  }

  serverPartitionChanged(server: ServerEndpoint, on: boolean): void {
    for (const conn of this.conns) {
      if (conn.server !== server) continue;
      if (on) conn.frozen = true;
      else if (conn.frozen && !this.partitioned) this.destroy(conn);
    }
  }

  private destroy(conn: Conn): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.client.destroy();
    conn.upstream?.destroy();
    this.conns.delete(conn);
  }

  private between([low, high]: [number, number]): number {
    return Math.round(low + this.options.random() * (high - low));
  }

  private drawFault(): FaultKind {
    if (!this.faults) return 'none';
    let roll = this.options.random();
    for (const kind of [
      'delay',
      'stallRequest',
      'stallResponse',
      'cutRequest',
      'cutResponse',
    ] as const) {
      roll -= this.rates[kind];
      if (roll < 0) return kind;
    }
    return 'none';
  }

  /** The server a new connection goes to: home while it is up, else any other that is up. */
  private route(): ServerEndpoint | null {
    const { servers } = this.options.network;
    const home = servers[this.options.home]!;
    if (home.port !== null) return home;
    return servers.find((s) => s.port !== null) ?? null;
  }

  /** A new exchange (a request and its answer): its fault, drawn now, in arrival order. */
  private drawExchange(): Exchange {
    const kind = this.drawFault();
    return {
      kind,
      delayMs: this.between([5, 150]),
      stallMs: this.between(this.options.stallMs),
      cutAfter: this.between([1, 1_500]),
      deliverLate: this.options.random() < 0.5,
      upBytes: 0,
      downBytes: 0,
      requestStall: null,
      responseStall: null,
    };
  }

  private accept(client: Socket): void {
    const conn: Conn = { client, upstream: null, server: null, frozen: false, closed: false };
    this.conns.add(conn);
    client.on('error', () => this.destroy(conn));
    let onClientClose = () => this.destroy(conn);
    client.on('close', () => onClientClose());
    if (this.partitioned) {
      this.bump('blackholed');
      conn.frozen = true;
      return; // nothing is read or forwarded until the partition heals and cuts it
    }
    const server = this.route();
    if (!server || server.port === null) {
      this.bump('refused');
      conn.closed = true;
      this.conns.delete(conn);
      client.resetAndDestroy();
      return;
    }
    conn.server = server;
    if (server.partitioned) {
      this.bump('blackholed');
      conn.frozen = true;
      return;
    }
    if (server !== this.options.network.servers[this.options.home]) this.bump('failover');
    const upstream = tcpConnect({ port: server.port, host: '127.0.0.1', allowHalfOpen: true });
    conn.upstream = upstream;
    upstream.on('error', () => this.destroy(conn));
    upstream.on('close', () => this.destroy(conn));

    // A kept-alive connection carries one request after another: client bytes after an
    // answer began start a new exchange, with a fault of its own.
    let exchange: Exchange | null = null;
    let answering = false;
    let upChain = Promise.resolve();
    let downChain = Promise.resolve();
    const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

    client.on('data', (chunk: Buffer) => {
      if (conn.frozen || conn.closed) return;
      if (!exchange || answering) {
        exchange = this.drawExchange();
        answering = false;
        if (this.faults) this.bump(`fault.${exchange.kind}`);
        if (exchange.kind === 'stallRequest' && exchange.deliverLate) {
          // The client's close must not cut the upstream at once: the held request goes
          // on, and the server's answer goes nowhere.
          onClientClose = () => {
            upChain = upChain.then(() => {
              conn.closed = true;
              this.conns.delete(conn);
              if (!upstream.destroyed) upstream.end();
              setTimeout(() => upstream.destroy(), 5_000).unref();
            });
          };
        } else onClientClose = () => this.destroy(conn);
      }
      const ex = exchange;
      upChain = upChain.then(async () => {
        if (ex.kind === 'delay') await wait(ex.delayMs);
        if (ex.kind === 'stallRequest') {
          ex.requestStall ??= wait(ex.stallMs);
          await ex.requestStall;
          // The client gave up meanwhile: the held request reaches the server late, or never.
          if (conn.closed || client.destroyed) {
            if (ex.deliverLate && !upstream.destroyed) {
              this.bump('deliveredLate');
              upstream.write(chunk);
            }
            return;
          }
        }
        if (conn.frozen || conn.closed) return;
        ex.upBytes += chunk.length;
        if (ex.kind === 'cutRequest' && ex.upBytes >= ex.cutAfter) {
          upstream.write(chunk.subarray(0, chunk.length - (ex.upBytes - ex.cutAfter)));
          this.bump('cut');
          this.destroy(conn);
          return;
        }
        upstream.write(chunk);
      });
    });
    client.on('end', () => {
      upChain = upChain.then(() => {
        if (!conn.closed && !upstream.destroyed) upstream.end();
      });
    });
    upstream.on('data', (chunk: Buffer) => {
      if (conn.frozen || conn.closed || !exchange) return;
      answering = true;
      const ex = exchange;
      downChain = downChain.then(async () => {
        if (ex.kind === 'delay') await wait(ex.delayMs);
        if (ex.kind === 'stallResponse') {
          ex.responseStall ??= wait(ex.stallMs);
          await ex.responseStall;
        }
        if (conn.frozen || conn.closed || client.destroyed) return;
        ex.downBytes += chunk.length;
        if (ex.kind === 'cutResponse' && ex.downBytes >= ex.cutAfter) {
          client.write(chunk.subarray(0, chunk.length - (ex.downBytes - ex.cutAfter)));
          this.bump('cut');
          this.destroy(conn);
          return;
        }
        client.write(chunk);
      });
    });
    upstream.on('end', () => {
      downChain = downChain.then(() => {
        if (!conn.closed && !client.destroyed) client.end();
      });
    });
  }
}

interface Exchange {
  kind: FaultKind;
  delayMs: number;
  stallMs: number;
  cutAfter: number;
  deliverLate: boolean;
  upBytes: number;
  downBytes: number;
  requestStall: Promise<void> | null;
  responseStall: Promise<void> | null;
}
