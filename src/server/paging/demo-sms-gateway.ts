/**
 * A local HTTP SMS gateway for tests and `npm start`'s demo: records every request it gets (method,
 * path, headers, body as text and parsed) and answers 200 with a message id, or a status set
 * by the test. Optionally appends one JSON line per message to a log file (the demo's
 * "gateway log").
 */
import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedSms {
  at: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON or as a form, when it is one. */
  body: Record<string, unknown> | null;
}

export interface SmsGateway {
  url: string;
  received: RecordedSms[];
  failWith(status: number | null): void;
  waitFor(count: number, timeoutMs?: number): Promise<RecordedSms[]>;
  close(): Promise<void>;
}

export async function startSmsGateway(
  options: { logFile?: string; port?: number } = {},
): Promise<SmsGateway> {
  const received: RecordedSms[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let failStatus: number | null = null;
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failStatus !== null) {
        res
          .writeHead(failStatus, { 'content-type': 'application/json' })
          .end('{"error":"failing on purpose"}');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        if (text.includes('=')) body = Object.fromEntries(new URLSearchParams(text));
      }
      const sms: RecordedSms = {
        at: Date.now(),
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        text,
        body,
      };
      received.push(sms);
      if (options.logFile)
        appendFileSync(
          options.logFile,
          `${JSON.stringify({ at: new Date(sms.at).toISOString(), ...body })}\n`,
        );
      for (const w of [...waiters]) {
        if (received.length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sms-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    failWith(status) {
      failStatus = status;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`expected ${count} SMS, got ${received.length}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(t);
            resolve(received);
          },
        });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
