/**
 * The outbox dispatcher: claims due notifications of the channels registered in this
 * process, hands each to its ChannelSender, and settles it (sent, retry after backoff, or
 * given up into the "could not deliver" list). Runs in every server process; the claim's
 * row locks make sure two processes never send the same notification, and the claim's lease
 * makes a notification claimed by a process that died due again once the lease runs out.
 */
import { randomUUID } from 'node:crypto';
import { defaultRetryPolicy, type RetryPolicy } from '@core/notifications/retry-policy';
import type { Kysely } from 'kysely';
import type { Engine } from '../db/database';
import type { Database } from '../db/schema';
import type { ChannelSender } from './channel-sender';
import {
  type ClaimedRow,
  claimDue,
  markFailedAttempt,
  markSent,
  pruneSent,
  renewClaim,
} from './outbox-store';

export interface DispatcherOptions {
  /** How often to look for due rows when nobody nudges (ms). */
  pollMs: number;
  /** How long a claim holds; a sender must finish well within it. */
  leaseMs: number;
  /** Rows claimed at once. */
  batchSize: number;
  /** Sends in flight at once. */
  concurrency: number;
  retry: RetryPolicy;
  /** How long delivered rows are kept (the in-app list, replies matched by Message-ID). */
  keepSentMs: number;
}

export const defaultDispatcherOptions: DispatcherOptions = {
  pollMs: 2_000,
  leaseMs: 120_000,
  batchSize: 16,
  concurrency: 8,
  retry: defaultRetryPolicy,
  keepSentMs: 180 * 86_400_000,
};

export interface DispatcherStats {
  sent: number;
  retried: number;
  gaveUp: number;
  lostClaims: number;
}

export class NotificationDispatcher {
  /** This process's name in `claimed_by`. */
  readonly worker = `w-${randomUUID()}`;
  readonly stats: DispatcherStats = { sent: 0, retried: 0, gaveUp: 0, lostClaims: 0 };
  private readonly senders = new Map<string, ChannelSender>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  readonly options: DispatcherOptions;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly now: () => Date,
    options: Partial<DispatcherOptions> = {},
  ) {
    this.options = { ...defaultDispatcherOptions, ...options };
  }

  /** Adds (or replaces) the sender of a channel. */
  registerSender(sender: ChannelSender): void {
    this.senders.set(sender.channel, sender);
    this.nudge();
  }

  channels(): string[] {
    return [...this.senders.keys()];
  }

  /** Something was enqueued (here or, on PostgreSQL, in another process): look now. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming; sends in flight finish and are settled. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let prunedAt = 0;
    while (this.running) {
      let claimed = 0;
      try {
        // Once an hour (per process; the delete is idempotent): delivered rows past keeping.
        const nowMs = this.now().getTime();
        if (nowMs - prunedAt > 3600_000) {
          prunedAt = nowMs;
          await pruneSent(this.db, this.now(), this.options.keepSentMs);
        }
        claimed = await this.runOnce();
      } catch (error) {
        if (this.running) console.error('notification dispatch failed:', (error as Error).message);
      }
      if (!this.running) break;
      if (claimed >= this.options.batchSize || this.nudged) {
        this.nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
      this.nudged = false;
    }
  }

  /** One claim-and-send round; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const rows = await claimDue(
      this.db,
      this.engine,
      this.worker,
      this.channels(),
      this.now(),
      this.options.leaseMs,
      this.options.batchSize,
    );
    let next = 0;
    const work = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        await this.deliver(row);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.options.concurrency, rows.length) }, work),
    );
    return rows.length;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    // The row may have waited in the batch: send only while the claim is still ours, with a
    // whole lease ahead for this one send.
    const now = this.now();
    const fresh = row.claimedUntil - now.getTime() > this.options.leaseMs / 2;
    if (!fresh && !(await renewClaim(this.db, row.id, this.worker, now, this.options.leaseMs))) {
      this.stats.lostClaims++;
      return;
    }
    const sender = this.senders.get(row.channel);
    let result: Awaited<ReturnType<ChannelSender['send']>>;
    try {
      result = sender
        ? await sender.send(row)
        : { ok: false, permanent: false, error: `no sender for channel ${row.channel}` };
    } catch (error) {
      result = { ok: false, permanent: false, error: (error as Error).message };
    }
    if (result.ok) {
      if (await markSent(this.db, row.id, this.worker, this.now())) this.stats.sent++;
      else this.stats.lostClaims++;
      return;
    }
    const action = await markFailedAttempt(
      this.db,
      row,
      this.worker,
      this.now(),
      result.error,
      result.permanent,
      this.options.retry,
    );
    if (action === 'retry') this.stats.retried++;
    else {
      this.stats.gaveUp++;
      console.error(`notification ${row.id} (${row.channel}) given up: ${result.error}`);
    }
  }
}
