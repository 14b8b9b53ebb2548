/**
 * Tells every server process that something was committed: "changes up to cursor N", and
 * which case became critical. With SQLite there is one process and the bus is in-process;
 * with PostgreSQL the message is sent with pg_notify inside the write transaction (delivered
 * only if it commits, in commit order) and every process LISTENs, so SSE clients of any
 * server hear of changes made through any other.
 */
import { EventEmitter } from 'node:events';
import type { CaseRecord } from '@core/case';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';

export interface BusMessage {
  /** The sequence of the committed change. */
  cursor: number;
  /** Set when a case was created as or raised to critical. */
  criticalCaseId?: string;
  /** In-process only (never sent over NOTIFY, whose payload is small): the critical case. */
  criticalCase?: CaseRecord;
  /** Set when a run-time setting changed instead of a case: which one, and its new version. */
  settingsChanged?: { key: string; version: number };
  /**
   * The portal accounts of the requester of the changed case (before and after the change):
   * a requester's stream is poked only when one of their own cases changed, so it does not
   * learn the service's global rate of change.
   */
  requesterIds?: string[];
  /**
   * A session (by token hash) or all sessions of a user ended (signed out, disabled): every
   * process closes the live streams that session opened. Not a case change: no poke.
   */
  sessionEnded?: { tokenHash?: string; userId?: string };
}

export type BusListener = (message: BusMessage) => void;

export interface EventBus {
  /**
   * Call inside the write transaction (or, for a message that is no case change, such as an
   * ended session, on the database itself, followed by `committed`).
   */
  publish(trx: Transaction<Database> | Kysely<Database>, message: BusMessage): Promise<void>;
  /** Call after the transaction committed. */
  committed(message: BusMessage): void;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

class Listeners {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  emit(message: BusMessage): void {
    this.emitter.emit('message', message);
  }
  subscribe(listener: BusListener): () => void {
    const safe = (message: BusMessage) => {
      try {
        listener(message);
      } catch (error) {
        console.error('event listener failed:', (error as Error).message);
      }
    };
    this.emitter.on('message', safe);
    return () => this.emitter.off('message', safe);
  }
}

export function inProcessBus(): EventBus {
  const listeners = new Listeners();
  return {
    publish: async () => {},
    committed: (message) => listeners.emit(message),
    subscribe: (listener) => listeners.subscribe(listener),
    close: async () => {},
  };
}

/** One channel per schema, so test runs in other schemas of the same database stay apart. */
export function channelName(schema: string | null): string {
  return `saksbord_${schema ?? 'public'}`.slice(0, 63);
}

export async function postgresBus(
  config: pg.ClientConfig,
  schema: string | null,
  /** Called after a reconnect: some notifications may have been missed, so poke everyone. */
  onReconnect: () => Promise<BusMessage | undefined>,
): Promise<EventBus> {
  const channel = channelName(schema);
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client(config);
    c.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      try {
        listeners.emit(JSON.parse(n.payload) as BusMessage);
      } catch {
        // A malformed payload is not ours; ignore it.
      }
    });
    c.on('error', (error) => {
      console.error('postgres listener error:', error.message);
      void reconnect(c);
    });
    c.on('end', () => void reconnect(c));
    await c.connect();
    await c.query(`listen "${channel}"`);
    client = c;
  };

  const reconnect = async (failed: pg.Client): Promise<void> => {
    if (closed || client !== failed) return;
    client = undefined;
    failed.removeAllListeners('end');
    await failed.end().catch(() => {});
    while (!closed) {
      await new Promise((r) => setTimeout(r, 1_000));
      try {
        await connect();
        const poke = await onReconnect();
        if (poke) listeners.emit(poke);
        return;
      } catch (error) {
        console.error('postgres listener reconnect failed:', (error as Error).message);
      }
    }
  };

  await connect();
  return {
    publish: async (trx, message) => {
      const { criticalCase: _local, ...wire } = message;
      await sql`select pg_notify(${channel}, ${JSON.stringify(wire)})`.execute(trx);
    },
    committed: () => {},
    subscribe: (listener) => listeners.subscribe(listener),
    close: async () => {
      closed = true;
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
