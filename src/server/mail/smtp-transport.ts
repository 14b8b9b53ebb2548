/**
 * Mail out through SMTP (nodemailer): host, port and TLS from the configuration's
 * `mail.smtp`, the user name and password from the environment variables it names. Pooled
 * connections, and time limits well inside the outbox's claim lease.
 */
import type { MailConfig } from '@core/notifications';
import nodemailer, { type Transporter } from 'nodemailer';

export function createSmtpTransport(
  mail: MailConfig,
  env: NodeJS.ProcessEnv = process.env,
): Transporter {
  const { smtp } = mail;
  const user = smtp.userEnv ? env[smtp.userEnv] : undefined;
  const pass = smtp.passwordEnv ? env[smtp.passwordEnv] : undefined;
  if (smtp.userEnv && !user)
    throw new Error(`mail.smtp.userEnv: the environment variable ${smtp.userEnv} is not set`);
  if (smtp.passwordEnv && !pass) {
    throw new Error(
      `mail.smtp.passwordEnv: the environment variable ${smtp.passwordEnv} is not set`,
    );
  }
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    pool: true,
    maxConnections: 4,
    maxMessages: 500,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/** The domain of an address ("Name <a@b.no>" → "b.no"), for Message-IDs. */
export function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match ? match[1]!.toLowerCase() : 'saksbord.invalid';
}

/** The bare address of "Name <a@b.no>" or "a@b.no". */
export function bareAddress(address: string): string {
  const match = /<([^>]+)>/.exec(address);
  return (match ? match[1]! : address).trim().toLowerCase();
}

/** The Message-ID of a notification: the same on every attempt, so a resend is the same mail. */
export function messageIdOf(notificationId: string, domain: string): string {
  return `<n.${notificationId}@${domain}>`;
}

/** The notification id in a Message-ID we made, or null. */
export function notificationIdOfMessageId(messageId: string): string | null {
  const match = /<?n\.([0-9a-f-]{36})@[^>]+>?/i.exec(messageId);
  return match ? match[1]!.toLowerCase() : null;
}

/** A thread id per case, so mail clients group a case's mails. */
export function caseThreadIdOf(caseId: string, domain: string): string {
  return `<case.${caseId}@${domain}>`;
}

export function caseIdOfThreadId(messageId: string): string | null {
  const match = /<?case\.([0-9a-f-]{36})@[^>]+>?/i.exec(messageId);
  return match ? match[1]!.toLowerCase() : null;
}

/** SMTP answers 5xx are permanent (the address or message is refused for good). */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
