/**
 * A local mail catcher: a real SMTP server (smtp-server) on loopback that keeps every mail
 * it receives, parsed (mailparser), in memory. `npm start` runs one so a newcomer sees every
 * mail the demo sends (admins: GET /api/v1/mail/caught, the app's "Sendt e-post" page); the
 * tests and the bench use it as the SMTP peer. Not for production.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** Order of arrival, from 1. */
  n: number;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  messageId: string;
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface MailCatcherOptions {
  host?: string;
  port?: number;
  /** Keep at most this many (oldest dropped); default 1000. */
  keep?: number;
  /**
   * Decide per recipient: undefined accepts; a number refuses with that SMTP code
   * (4xx temporary, 5xx permanent). Tests use it to make deliveries fail.
   */
  refuse?: (address: string) => number | undefined;
  /** Keep only envelope and headers of each mail, not its parse (bench: less memory). */
  light?: boolean;
}

export interface MailCatcher {
  host: string;
  port: number;
  mails: CaughtMail[];
  /** Mails received in all (including dropped ones). */
  count(): number;
  /** Resolves once `n` mails have arrived in all (or rejects after `timeoutMs`). */
  waitForCount(n: number, timeoutMs?: number): Promise<void>;
  setRefuse(refuse: MailCatcherOptions['refuse']): void;
  close(): Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const keep = options.keep ?? 1000;
  const mails: CaughtMail[] = [];
  let total = 0;
  let refuse = options.refuse;
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Accept any login (the demo's configuration may name a user).
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'catcher' });
    },
    onRcptTo(address, _session, callback) {
      const code = refuse?.(address.address);
      if (code === undefined) return callback();
      const error = new Error(code >= 500 ? 'mailbox unavailable' : 'try again later') as Error & {
        responseCode: number;
      };
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(
          raw,
          options.light ? { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true } : {},
        )
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines) {
              headers[line.key.toLowerCase()] ??= line.line
                .slice(line.line.indexOf(':') + 1)
                .trim();
            }
            total++;
            mails.push({
              n: total,
              receivedAt: new Date().toISOString(),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              from: parsed.from?.text ?? '',
              to: Array.isArray(parsed.to)
                ? parsed.to.map((t) => t.text).join(', ')
                : (parsed.to?.text ?? ''),
              text: options.light ? '' : (parsed.text ?? ''),
              html: options.light ? '' : typeof parsed.html === 'string' ? parsed.html : '',
              headers,
              raw: options.light ? Buffer.alloc(0) : raw,
              parsed,
            });
            if (mails.length > keep) mails.splice(0, mails.length - keep);
            for (const w of waiters) w();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;
  return {
    host,
    port,
    mails,
    count: () => total,
    setRefuse(next) {
      refuse = next;
    },
    waitForCount(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (total >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`only ${total} of ${n} mails arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
