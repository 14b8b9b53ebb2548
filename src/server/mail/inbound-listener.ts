/**
 * Inbound mail by SMTP: a listener (smtp-server) the municipality's mail system forwards
 * the support address to. Each accepted mail is processed before the SMTP answer, so a mail
 * is acknowledged only once it is stored (a failure answers 451: the sender tries again).
 * Plain SMTP without authentication: listen on loopback or an internal address only.
 */
import type { AddressInfo } from 'node:net';
import type { MailConfig } from '@core/notifications';
import { SMTPServer } from 'smtp-server';
import type { ServerContext } from '../server-context';
import { processInboundMail } from './inbound-processor';

export interface InboundListener {
  address: string;
  port: number;
  close(): Promise<void>;
}

export async function startInboundListener(
  ctx: ServerContext,
  config: NonNullable<MailConfig['inbound']>,
): Promise<InboundListener> {
  const maxBytes = ctx.config.attachments.maxBytes * 2 + 1024 * 1024;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    banner: 'Saksbord',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const error = new Error('message too large') as Error & { responseCode: number };
          error.responseCode = 552;
          callback(error);
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        processInboundMail(ctx, Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: Error) => {
            console.error('inbound mail failed:', error.message);
            const failure = new Error('try again later') as Error & { responseCode: number };
            failure.responseCode = 451;
            callback(failure);
          },
        );
      });
    },
  });
  server.on('error', (error) => console.error('inbound mail listener:', error.message));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    address: `${config.host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
