/**
 * A Saksbord server with mail for the notification tests: a real SMTP peer (the mail
 * catcher, smtp-server on loopback) receives what it sends, the dispatcher polls fast and
 * retries after milliseconds, and the test accounts have addresses (`<username>@test.no`).
 */
import { defaultServiceConfig } from '@core/config';
import type { MailConfigInput } from '@core/notifications';
import { mailConfigSchema } from '@core/notifications';
import { type MailCatcher, startMailCatcher } from '../../../src/server/mail/mail-catcher';
import type { StartOptions } from '../../../src/server/server';
import type { TestEngine } from './engines';
import { listeningTestServer, type TestServer, type TestUserName } from './test-server';

export interface MailTestServer extends TestServer {
  url: string;
  catcher: MailCatcher;
  emails: Record<TestUserName, string>;
}

export async function mailTestServer(
  engine: TestEngine,
  mail: Partial<MailConfigInput> = {},
  extra: Partial<StartOptions> = {},
): Promise<MailTestServer> {
  const catcher = await startMailCatcher();
  const config = {
    ...defaultServiceConfig,
    mail: mailConfigSchema.parse({
      smtp: { host: '127.0.0.1', port: catcher.port, secure: false },
      from: 'Brukarstøtta <brukarstotte@test.no>',
      replyTo: 'brukarstotte@test.no',
      ...mail,
    }),
  };
  const server = await listeningTestServer(engine, engine.freshLocation(), true, {
    config,
    options: {
      staticDir: null,
      heartbeatMs: 1_000,
      validateResponses: true,
      notifications: {
        dispatcher: { pollMs: 50, leaseMs: 5_000, retry: { baseMs: 50, maxMs: 200 } },
      },
    },
    ...extra,
  });
  const emails = {} as Record<TestUserName, string>;
  for (const [name, id] of Object.entries(server.ids) as [TestUserName, string][]) {
    emails[name] = `${name.toLowerCase()}@test.no`;
    await server.ctx.db
      .updateTable('users')
      .set({ email: emails[name] })
      .where('id', '=', id)
      .execute();
  }
  return {
    ...server,
    catcher,
    emails,
    close: async () => {
      await server.close();
      await catcher.close();
    },
  };
}
