/**
 * SMS through a configurable HTTP gateway: the request (URL, method, headers, body) is a
 * template in the configuration (`paging.sms`), so any Norwegian SMS provider fits.
 */
import type { SmsGatewayConfig } from '@core/oncall';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type {
  ChannelSender,
  OutboxNotification,
  SendResult,
} from '../notifications/channel-sender';
import { type PageMessage, type SendOutcome, sendPage } from './page-message';

/** '70 16 24 46' → '+4770162446'; a number with + or 00 keeps its own country code. */
export function normalisePhone(phone: string, countryCode: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `${countryCode}${digits}`;
}

function fill(template: string, values: Record<string, string>, esc: (v: string) => string) {
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) =>
    name in values ? esc(values[name]!) : m,
  );
}

const jsonEscape = (v: string) => JSON.stringify(v).slice(1, -1);

/** The HTTP request a gateway template makes for one message. */
export function smsRequest(
  config: SmsGatewayConfig,
  message: Pick<PageMessage, 'address' | 'id'>,
  text: string,
): { url: string; init: RequestInit } {
  const values = { to: normalisePhone(message.address, config.countryCode), text, ref: message.id };
  const url = fill(config.url, values, encodeURIComponent);
  const headers: Record<string, string> = {
    'content-type':
      config.bodyFormat === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  for (const [k, v] of Object.entries(config.headers))
    headers[k.toLowerCase()] = fill(v, values, (x) => x);
  const body =
    config.method === 'GET'
      ? undefined
      : fill(config.body, values, config.bodyFormat === 'json' ? jsonEscape : encodeURIComponent);
  return { url, init: { method: config.method, headers, body } };
}

/** SMS text of a page: title, body and the acknowledgement link. */
export function smsText(message: PageMessage): string {
  return [message.title, message.body, message.ackUrl].filter(Boolean).join('\n');
}

export function createSmsSender(
  db: Kysely<Database>,
  config: SmsGatewayConfig | undefined,
  timeoutMs = 10_000,
): ChannelSender {
  return {
    channel: 'sms',
    async send(notification: OutboxNotification): Promise<SendResult> {
      const message = notification.payload as unknown as PageMessage;
      return sendPage(db, message, () => smsOnce(config, message, timeoutMs));
    },
  };
}

async function smsOnce(
  config: SmsGatewayConfig | undefined,
  message: PageMessage,
  timeoutMs: number,
): Promise<SendOutcome> {
  if (!config) return { ok: false, detail: 'no SMS gateway configured (paging.sms)' };
  const { url, init } = smsRequest(config, message, smsText(message));
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      return {
        ok: false,
        detail: `SMS gateway: ${response.status} ${text.slice(0, 200)}`.trim(),
        retry: response.status === 429 || response.status >= 500,
      };
    }
    return { ok: true, detail: `SMS gateway: ${response.status}` };
  } catch (error) {
    return { ok: false, detail: `SMS gateway: ${(error as Error).message}`, retry: true };
  }
}
