/**
 * The notifications of one server process: the channel senders registered here, the
 * dispatcher that delivers the outbox through them, and what the enqueue hook needs to know
 * (which person channels are on, how long each channel keeps trying). `ctx.notifications`.
 */
import type { PersonChannel } from '@core/notifications';
import type { Kysely } from 'kysely';
import type { Engine } from '../db/database';
import type { Database } from '../db/schema';
import type { MailCatcher } from '../mail/mail-catcher';
import type { ChannelSender } from './channel-sender';
import { type DispatcherOptions, NotificationDispatcher } from './dispatcher';

export interface NotificationServiceOptions {
  dispatcher?: Partial<DispatcherOptions>;
  /** Start the dispatcher with the context (default true). Tests may drive `runOnce`. */
  autoStart?: boolean;
  /** How long a channel keeps trying, by channel (default 48 h). */
  giveUpAfterMs?: Partial<Record<string, number>>;
}

const defaultGiveUpMs = 48 * 3600_000;

export class NotificationService {
  readonly dispatcher: NotificationDispatcher;
  /**
   * Where links in notifications point when the configuration gives no `mail.publicUrl`:
   * the address this server listens on (set when it starts listening).
   */
  publicUrl = 'http://127.0.0.1:8080';
  /** The demo's local mail catcher, when this process runs one (`npm start`). */
  catcher: MailCatcher | null = null;
  /** The inbound mail listener's port, when it runs. */
  inboundPort: number | null = null;
  private readonly giveUp: Partial<Record<string, number>>;
  /** Person channels the enqueue hook writes rows for (mail only when mail is configured). */
  private readonly enabled = new Set<string>();

  constructor(
    db: Kysely<Database>,
    engine: Engine,
    now: () => Date,
    private readonly opts: NotificationServiceOptions = {},
  ) {
    this.dispatcher = new NotificationDispatcher(db, engine, now, {
      ...dispatcherOptionsFromEnv(process.env),
      ...opts.dispatcher,
    });
    this.giveUp = { ...opts.giveUpAfterMs };
  }

  /**
   * Plugs in a channel: its sender delivers the rows of its channel from now on. `personal`
   * channels (e-mail, in-app) are also the ones the case-event rule writes rows for.
   */
  registerSender(
    sender: ChannelSender,
    options: { giveUpAfterMs?: number; personal?: boolean } = {},
  ): void {
    if (options.giveUpAfterMs !== undefined) this.giveUp[sender.channel] = options.giveUpAfterMs;
    if (options.personal) this.enabled.add(sender.channel);
    this.dispatcher.registerSender(sender);
  }

  personChannels(): PersonChannel[] {
    return [...this.enabled] as PersonChannel[];
  }

  giveUpAfterMs(channel: string): number {
    return this.giveUp[channel] ?? defaultGiveUpMs;
  }

  start(): void {
    if (this.opts.autoStart !== false) this.dispatcher.start();
  }

  stop(): Promise<void> {
    return this.dispatcher.stop();
  }
}

/**
 * In-app notifications are rows of the outbox themselves: delivering one is recording it as
 * delivered; the workstation lists a person's delivered ones (GET /notifications/mine).
 */
export const inAppSender: ChannelSender = {
  channel: 'inApp',
  async send() {
    return { ok: true };
  },
};

/**
 * SAKSBORD_OUTBOX_POLL_MS and SAKSBORD_OUTBOX_LEASE_MS: shorter polling and claim leases for
 * the crash tests and the bench, which run the server as a child process.
 */
export function dispatcherOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<DispatcherOptions> {
  const out: Partial<DispatcherOptions> = {};
  const poll = Number(env.SAKSBORD_OUTBOX_POLL_MS);
  const lease = Number(env.SAKSBORD_OUTBOX_LEASE_MS);
  if (Number.isInteger(poll) && poll > 0) out.pollMs = poll;
  if (Number.isInteger(lease) && lease > 0) out.leaseMs = lease;
  return out;
}
