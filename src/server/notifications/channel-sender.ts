/**
 * The outbox is channel-generic: each channel (e-mail, in-app, Web Push, SMS, ...) plugs in
 * a ChannelSender, registered when the server context starts
 * (`ctx.notifications.registerSender(sender)`). The dispatcher claims only rows whose channel
 * has a sender in this process, so a row for a channel nobody registered waits, unclaimed.
 */

/** Who a notification goes to. Channels read the fields they need. */
export interface NotificationRecipient {
  /** The account, when the person has one. */
  userId?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** `nn`, `nb` or `en`. */
  language?: string;
  /** Other channel-specific data (a push subscription id, ...). */
  [key: string]: unknown;
}

/** A claimed notification, as the dispatcher hands it to a sender. */
export interface OutboxNotification {
  id: string;
  caseId: string | null;
  kind: string;
  channel: string;
  recipient: NotificationRecipient;
  template: string;
  payload: Record<string, unknown>;
  /** Attempts so far, this one included (1 on the first try). */
  attempts: number;
  createdAt: string;
}

export type SendResult =
  | { ok: true; detail?: string }
  | {
      ok: false;
      /** True when trying again cannot help (address refused for good): given up at once. */
      permanent: boolean;
      error: string;
    };

export interface ChannelSender {
  /** The `channel` value of the rows this sender delivers. */
  channel: string;
  /**
   * Delivers one notification. Must finish (or fail) well within the dispatcher's claim
   * lease (`leaseMs`), or another process may claim the row again. Throwing counts as a
   * temporary failure.
   */
  send(notification: OutboxNotification): Promise<SendResult>;
}
