/**
 * Mail at server start (only when the configuration has `mail`): the e-mail channel's
 * sender on the outbox, and the inbound listener when `mail.inbound` is set.
 */
import type { MailConfig } from '@core/notifications';
import type { ServerContext } from '../server-context';
import { createEmailSender } from './email-sender';
import { startInboundListener } from './inbound-listener';
import { createSmtpTransport } from './smtp-transport';

export async function startMail(
  ctx: ServerContext,
  mail: MailConfig,
): Promise<() => Promise<void>> {
  const transport = createSmtpTransport(mail);
  ctx.notifications.registerSender(createEmailSender(ctx, transport), {
    personal: true,
    giveUpAfterMs: mail.giveUpAfterHours * 3600_000,
  });
  const inbound = mail.inbound ? await startInboundListener(ctx, mail.inbound) : null;
  if (inbound) {
    ctx.notifications.inboundPort = inbound.port;
    console.log(
      `mail: receiving mail to the service (replies, new cases) on smtp://${inbound.address}`,
    );
  }
  return async () => {
    await inbound?.close();
    transport.close();
  };
}

/** The demo's mail settings: everything to the local catcher, replies to a local listener. */
export function demoMailConfig(catcherPort: number): MailConfig {
  return {
    smtp: { host: '127.0.0.1', port: catcherPort, secure: false },
    from: 'Saksbord demo <brukarstotte@saksbord.test>',
    replyTo: 'brukarstotte@saksbord.test',
    giveUpAfterHours: 48,
    linkValidDays: 14,
    // Replies can be tried too: send them to the printed address (a free port by default).
    inbound: { host: '127.0.0.1', port: Number(process.env.SAKSBORD_MAIL_INBOUND_PORT ?? 0) },
  };
}
