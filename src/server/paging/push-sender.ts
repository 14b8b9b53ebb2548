/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291),
 * through the maintained `web-push` library: it signs and encrypts; the request is sent with
 * fetch, which also reaches a push service on loopback http (the tests' local push service).
 */
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../db/schema';
import type {
  ChannelSender,
  OutboxNotification,
  SendResult,
} from '../notifications/channel-sender';
import { type PageMessage, type SendOutcome, sendPage } from './page-message';
import { vapidKeys } from './vapid-keys';

export interface PushSenderOptions {
  subject: string;
  /** Seconds a push service keeps an undelivered page (a sleeping phone gets it on waking). */
  ttlSeconds?: number;
  timeoutMs?: number;
}

export function createPushSender(db: Kysely<Database>, options: PushSenderOptions): ChannelSender {
  return {
    channel: 'push',
    async send(notification: OutboxNotification): Promise<SendResult> {
      const message = notification.payload as unknown as PageMessage;
      return sendPage(db, message, () => pushOnce(db, options, message));
    },
  };
}

async function pushOnce(
  db: Kysely<Database>,
  options: PushSenderOptions,
  message: PageMessage,
): Promise<SendOutcome> {
  const sub = await db
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('id', '=', message.address)
    .executeTakeFirst();
  if (!sub) return { ok: false, detail: 'subscription removed', gone: true };
  const keys = await vapidKeys(db);
  const payload = JSON.stringify({
    title: message.title,
    body: message.body,
    caseId: message.caseId,
    ackUrl: message.ackUrl,
    step: message.step,
    ref: message.id,
  });
  const details = webpush.generateRequestDetails(
    { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
    payload,
    {
      vapidDetails: { subject: options.subject, ...keys },
      TTL: options.ttlSeconds ?? 3600,
      urgency: 'high',
      contentEncoding: 'aes128gcm',
    },
  );
  try {
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status === 404 || response.status === 410) {
      await db.deleteFrom('push_subscriptions').where('id', '=', sub.id).execute();
      return {
        ok: false,
        detail: `push service: ${response.status} (subscription gone)`,
        gone: true,
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        detail: `push service: ${response.status}`,
        retry: response.status === 429 || response.status >= 500,
      };
    }
    return { ok: true, detail: `push service: ${response.status}` };
  } catch (error) {
    return { ok: false, detail: `push service: ${(error as Error).message}`, retry: true };
  }
}
