/**
 * The outbox never loses or repeats: the same event+recipient+channel+step is enqueued once;
 * two dispatchers on one database claim disjoint rows; a server killed mid-burst (SIGKILL)
 * and started again delivers every notification, each resend with the same Message-ID; two
 * server processes on one PostgreSQL database never send the same notification twice.
 * Real SMTP peer: the mail catcher (smtp-server) on loopback.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { startMailCatcher } from '../../src/server/mail/mail-catcher';
import type { ChannelSender } from '../../src/server/notifications/channel-sender';
import { NotificationDispatcher } from '../../src/server/notifications/dispatcher';
import { enqueue, pruneSent } from '../../src/server/notifications/outbox-store';
import { engines } from './helpers/engines';
import {
  emailRows,
  prepareDatabase,
  pushBurst,
  signIn,
  sleep,
  spawnServer,
  stop,
  writeMailConfig,
} from './helpers/mail-processes';

const waitUntil = async (check: () => Promise<boolean> | boolean, what: string, ms = 60_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
};

const childEnv = { SAKSBORD_OUTBOX_POLL_MS: '100', SAKSBORD_OUTBOX_LEASE_MS: '3000' };

describe.each(engines)('the notification outbox on $name', (engine) => {
  it.skipIf(!engine.available)(
    'enqueues a dedupe key once, and two dispatchers on one database claim disjoint rows',
    async () => {
      const location = engine.freshLocation();
      const a = await openDatabase(location);
      await migrateToLatest(a);
      const b = await openDatabase(location);
      try {
        const now = new Date();
        const item = (i: number) => ({
          caseId: null,
          dedupeKey: `event-${i}:test:person:loop:0`,
          kind: 'test',
          channel: 'loop',
          recipient: { name: `p${i}` },
          template: 'test',
          payload: { i },
          giveUpAt: new Date(now.getTime() + 60_000),
        });
        const first = await enqueue(a.db, now, [item(0), item(1)]);
        const again = await enqueue(a.db, now, [item(0), item(1)]);
        expect(first).toHaveLength(2);
        expect(again).toHaveLength(0);
        await enqueue(
          a.db,
          now,
          Array.from({ length: 300 }, (_, i) => item(i + 2)),
        );

        const seen = new Map<string, number>();
        const sender = (): ChannelSender => ({
          channel: 'loop',
          async send(n) {
            seen.set(n.id, (seen.get(n.id) ?? 0) + 1);
            await sleep(1);
            return { ok: true };
          },
        });
        const options = { pollMs: 20, batchSize: 20, concurrency: 4, leaseMs: 30_000 };
        const one = new NotificationDispatcher(a.db, a.engine, () => new Date(), options);
        const two = new NotificationDispatcher(b.db, b.engine, () => new Date(), options);
        one.registerSender(sender());
        two.registerSender(sender());
        one.start();
        two.start();
        await waitUntil(() => seen.size === 302, 'every row sent');
        await one.stop();
        await two.stop();
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        expect(one.stats.sent + two.stats.sent).toBe(302);
        expect(one.stats.sent).toBeGreaterThan(0);
        expect(two.stats.sent).toBeGreaterThan(0);
        const rows = await a.db.selectFrom('notifications').select('status').execute();
        expect(rows.every((r) => r.status === 'sent')).toBe(true);
        // Delivered rows past keeping are deleted; younger ones stay.
        expect(await pruneSent(a.db, new Date(), 86_400_000)).toBe(0);
        expect(await pruneSent(a.db, new Date(Date.now() + 2 * 86_400_000), 86_400_000)).toBe(302);
      } finally {
        await b.close();
        await a.close();
      }
    },
  );

  it.skipIf(!engine.available)(
    'a server killed mid-burst and restarted delivers every notification; a resend has the same Message-ID',
    async () => {
      const location = engine.freshLocation();
      await prepareDatabase(location);
      const catcher = await startMailCatcher({ light: true, keep: 10_000 });
      const config = writeMailConfig(mkdtempSync(join(tmpdir(), 'saksbord-mail-')), catcher.port);
      const n = 60;
      try {
        const first = await spawnServer(location, config, childEnv);
        await pushBurst(first.url, await signIn(first.url), n, 'crash');
        await waitUntil(() => catcher.count() >= n / 3, 'a third of the mails');
        await stop(first, 'SIGKILL');
        expect(catcher.count()).toBeLessThan(n);

        const second = await spawnServer(location, config, childEnv);
        try {
          await waitUntil(async () => {
            const rows = await emailRows(location);
            return rows.length === n && rows.every((r) => r.status === 'sent');
          }, 'every row sent after the restart');
        } finally {
          await stop(second, 'SIGTERM');
        }
        const rows = await emailRows(location);
        const ids = new Set(rows.map((r) => `<n.${r.id}@burst.test>`));
        const received = catcher.mails.map((m) => m.messageId);
        // Every notification arrived, and nothing arrived that is not one of them.
        expect(new Set(received)).toEqual(ids);
        // Only a send in flight at the kill can come twice, and it is the same mail.
        const repeats = received.length - ids.size;
        expect(repeats).toBeLessThanOrEqual(16);
      } finally {
        await catcher.close();
      }
    },
    120_000,
  );
});

describe.each(engines.filter((e) => e.name === 'postgres'))(
  'two server processes on one $name database',
  (engine) => {
    it.skipIf(!engine.available)(
      'share the burst and never send the same notification twice',
      async () => {
        const location = engine.freshLocation();
        await prepareDatabase(location);
        const catcher = await startMailCatcher({ light: true, keep: 10_000 });
        const config = writeMailConfig(mkdtempSync(join(tmpdir(), 'saksbord-mail-')), catcher.port);
        const n = 100;
        const one = await spawnServer(location, config, childEnv);
        const two = await spawnServer(location, config, childEnv);
        try {
          await pushBurst(one.url, await signIn(one.url), n, 'two');
          await waitUntil(async () => {
            const rows = await emailRows(location);
            return rows.length === n && rows.every((r) => r.status === 'sent');
          }, 'every row sent');
          await sleep(200);
        } finally {
          await stop(one, 'SIGTERM');
          await stop(two, 'SIGTERM');
          await catcher.close();
        }
        const rows = await emailRows(location);
        const received = catcher.mails.map((m) => m.messageId);
        expect(received).toHaveLength(n);
        expect(new Set(received)).toEqual(new Set(rows.map((r) => `<n.${r.id}@burst.test>`)));
        // Both processes sent a share.
        expect(new Set(rows.map((r) => r.claimed_by)).size).toBe(2);
      },
      120_000,
    );
  },
);
