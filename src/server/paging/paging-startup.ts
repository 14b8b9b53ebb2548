/**
 * Starting paging in a server process: the push, SMS and page-mail senders join the shared
 * outbox's dispatcher, and the durable scheduler starts firing page and SLA timers. Runs as
 * a notifications start hook (`onNotificationsStart`), so every server context — `serve`,
 * the tests' in-process servers — gets it without a second start-up path.
 */

import { writeTransaction } from '../db/write-lock';
import { onNotificationsStart } from '../notifications/notification-startup';
import { parseScaledClock, scaledNow } from '../scheduler/scaled-clock';
import { createScheduler, type Scheduler } from '../scheduler/scheduler';
import type { ServerContext } from '../server-context';
import { readSlaSettings } from '../settings/settings-store';
import { runOnCallDemo, startDemoSmsGateway } from './oncall-demo';
import { createPageMailSender } from './page-mail-sender';
import { firePageTimer } from './paging-service';
import { createPushSender } from './push-sender';
import { fireSlaWarning, recomputeAllSlaTimers } from './sla-warning-service';
import { createSmsSender } from './sms-sender';

const schedulers = new WeakMap<ServerContext, Scheduler>();

/** The scheduler of a context (tests tick it by hand). */
export function schedulerOf(ctx: ServerContext): Scheduler | undefined {
  return schedulers.get(ctx);
}

/**
 * What the stored SLA timers were computed from: the SLA settings version and the calendar
 * and targets of the configuration file. When it differs (a team leader changed a target; a
 * server started with a changed calendar), every open case's timers are recomputed once.
 */
async function slaBasis(ctx: ServerContext): Promise<string> {
  const settings = await readSlaSettings(ctx.db, ctx.config.sla);
  return JSON.stringify([settings.version, ctx.config.calendar, ctx.config.sla]);
}

export async function recomputeIfBasisChanged(ctx: ServerContext): Promise<number | null> {
  const basis = await slaBasis(ctx);
  const stored = await ctx.db
    .selectFrom('oncall_settings')
    .select('value')
    .where('key', '=', 'sla-timer-basis')
    .executeTakeFirst();
  if (stored?.value === basis) return null;
  return writeTransaction(ctx.db, async (trx) => {
    // Checked again under the write lock: another process may have just done it.
    const again = await trx
      .selectFrom('oncall_settings')
      .select('value')
      .where('key', '=', 'sla-timer-basis')
      .executeTakeFirst();
    if (again?.value === basis) return null;
    const now = ctx.now();
    const count = await recomputeAllSlaTimers(ctx, trx, now);
    await trx
      .insertInto('oncall_settings')
      .values({
        key: 'sla-timer-basis',
        value: basis,
        updated_by: 'system',
        updated_at: now.toISOString(),
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: basis, updated_at: now.toISOString() }),
      )
      .execute();
    return count;
  });
}

export async function startPaging(ctx: ServerContext): Promise<() => Promise<void>> {
  // The chaos run and the demo share one accelerated clock across processes (scaled-clock.ts).
  const clock = parseScaledClock(process.env.SAKSBORD_CLOCK);
  if (clock) ctx.now = () => scaledNow(clock, Date.now());
  // `npm start`: a recording SMS gateway in this process, and the on-call demo (oncall-demo.ts).
  const demo = process.env.SAKSBORD_DEMO_PAGING === '1' && !ctx.config.paging.sms;
  const demoGateway = demo ? await startDemoSmsGateway(ctx) : null;
  const paging = ctx.config.paging;
  ctx.notifications.registerSender(createPushSender(ctx.db, { subject: paging.vapidSubject }), {
    giveUpAfterMs: 30 * 60_000,
  });
  ctx.notifications.registerSender(createSmsSender(ctx.db, paging.sms), {
    giveUpAfterMs: 30 * 60_000,
  });
  const mail = (ctx.config as { mail?: Parameters<typeof createPageMailSender>[1] }).mail;
  ctx.notifications.registerSender(createPageMailSender(ctx.db, mail), {
    giveUpAfterMs: 30 * 60_000,
  });
  const scheduler = createScheduler(ctx, {
    pollMs: Number(process.env.SAKSBORD_SCHEDULER_POLL_MS ?? 1000),
    // What a tick fired was written to the outbox: deliver it now.
    onFired: () => ctx.notifications.dispatcher.nudge(),
  });
  scheduler.register('page', (trx, timer, now) =>
    firePageTimer(trx, ctx, timer.payload as { incidentId: string; step: number }, now),
  );
  scheduler.register('sla', async (trx, timer, now) => {
    if (!timer.caseId) return;
    await fireSlaWarning(
      trx,
      ctx,
      timer.caseId,
      timer.payload as { clock: 'response' | 'resolution'; level: 'atRisk' | 'breached' },
      now,
    );
  });
  schedulers.set(ctx, scheduler);
  let checking = false;
  const checkBasis = () => {
    if (checking) return;
    checking = true;
    recomputeIfBasisChanged(ctx)
      .catch((error: Error) => console.error('SLA timer recompute failed:', error.message))
      .finally(() => {
        checking = false;
      });
  };
  const unsubscribe = ctx.bus.subscribe((message) => {
    if (message.settingsChanged?.key === 'sla') checkBasis();
  });
  if (paging.slaWarnings) await recomputeIfBasisChanged(ctx).catch(() => null);
  const run = process.env.SAKSBORD_SCHEDULER !== 'off';
  if (run) scheduler.start();
  if (demo) {
    void runOnCallDemo(
      ctx,
      () => scheduler.stop(),
      () => run && scheduler.start(),
    ).catch((error: Error) => console.error('paging demo failed:', error.message));
  }
  return async () => {
    unsubscribe();
    await scheduler.stop();
    await demoGateway?.close();
  };
}

onNotificationsStart(startPaging);
