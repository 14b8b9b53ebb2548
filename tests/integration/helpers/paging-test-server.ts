/**
 * A Saksbord server for the paging tests: a local Web Push service and a recording SMS
 * gateway (real HTTP peers on loopback), the configuration's SMS template pointing at the
 * gateway, a clock the test moves, and the scheduler ticked by hand.
 */
import { defaultServiceConfig, type ServiceConfig } from '@core/config';
import { pagingConfigSchema } from '@core/oncall';
import { schedulerOf } from '../../../src/server/paging/paging-startup';
import { type PushService, startPushService } from '../../doubles/push-service';
import { type SmsGateway, startSmsGateway } from '../../doubles/sms-gateway';
import type { TestEngine } from './engines';
import { listeningTestServer, type TestServer } from './test-server';

export interface PagingTestServer extends TestServer {
  url: string;
  push: PushService;
  sms: SmsGateway;
  clock: { now: Date; set(iso: string): void; advanceMinutes(n: number): void };
  /** Fires due timers and delivers the outbox. */
  settle(): Promise<void>;
}

export async function pagingTestServer(
  engine: TestEngine,
  start: string,
  paging: Record<string, unknown> = {},
): Promise<PagingTestServer> {
  const push = await startPushService();
  const sms = await startSmsGateway();
  const clock = {
    now: new Date(start),
    set(iso: string) {
      clock.now = new Date(iso);
    },
    advanceMinutes(n: number) {
      clock.now = new Date(clock.now.getTime() + n * 60_000);
    },
  };
  const config: ServiceConfig = {
    ...defaultServiceConfig,
    paging: pagingConfigSchema.parse({
      sms: {
        url: `${sms.url}/send`,
        headers: { authorization: 'Bearer test-key' },
      },
      publicUrl: 'https://saksbord.test',
      ...paging,
    }),
  };
  const server = await listeningTestServer(engine, engine.freshLocation(), true, {
    config,
    now: () => clock.now,
    options: {
      staticDir: null,
      heartbeatMs: 1_000,
      validateResponses: true,
      notifications: {
        dispatcher: { pollMs: 50, leaseMs: 5_000, retry: { baseMs: 50, maxMs: 200 } },
      },
    },
  });
  const settle = async () => {
    const scheduler = schedulerOf(server.ctx);
    await scheduler?.tick();
    await scheduler?.tick();
    for (let i = 0; i < 5; i++) {
      const claimed = await server.ctx.notifications.dispatcher.runOnce();
      if (claimed === 0) break;
    }
  };
  return {
    ...server,
    push,
    sms,
    clock,
    settle,
    close: async () => {
      await server.close();
      await push.close();
      await sms.close();
    },
  };
}
