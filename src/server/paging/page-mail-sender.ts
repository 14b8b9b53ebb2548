/**
 * Pages by e-mail (channel `pageEmail` of the shared outbox): a short plain-text mail with
 * the acknowledgement link, sent through the configuration's SMTP server (`mail.smtp`, the
 * same one case notifications use). Without a `mail` section the page is logged as failed.
 */
import type { MailConfig } from '@core/notifications/mail-config';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema';
import type {
  ChannelSender,
  OutboxNotification,
  SendResult,
} from '../notifications/channel-sender';
import { type PageMessage, sendPage } from './page-message';

export function createPageMailSender(
  db: Kysely<Database>,
  mail: MailConfig | undefined,
): ChannelSender {
  const transport = mail
    ? nodemailer.createTransport({
        host: mail.smtp.host,
        port: mail.smtp.port,
        secure: mail.smtp.secure,
        ...(mail.smtp.userEnv && mail.smtp.passwordEnv
          ? {
              auth: {
                user: process.env[mail.smtp.userEnv] ?? '',
                pass: process.env[mail.smtp.passwordEnv] ?? '',
              },
            }
          : {}),
        tls: { rejectUnauthorized: mail.smtp.host !== '127.0.0.1' },
      })
    : null;
  return {
    channel: 'pageEmail',
    async send(notification: OutboxNotification): Promise<SendResult> {
      const message = notification.payload as unknown as PageMessage;
      return sendPage(db, message, async () => {
        if (!transport || !mail)
          return { ok: false, detail: 'no mail section in the configuration' };
        try {
          const info = await transport.sendMail({
            from: mail.from,
            to: message.address,
            subject: message.title,
            text: [message.body, message.ackUrl ?? ''].join('\n\n').trim(),
            headers: { 'X-Saksbord-Page': message.id, 'Auto-Submitted': 'auto-generated' },
          });
          return { ok: true, detail: `SMTP: ${String(info.response ?? 'sent').slice(0, 120)}` };
        } catch (error) {
          return { ok: false, detail: `SMTP: ${(error as Error).message}`, retry: true };
        }
      });
    },
  };
}
