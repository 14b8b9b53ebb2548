/**
 * Starting and stopping the notifications of a server process: the outbox's service on
 * `ctx.notifications`, the channels of this module (in-app always; e-mail when the
 * configuration has `mail`), the inbound mail listener, and the dispatcher, which is nudged
 * by every committed change (on PostgreSQL also by other processes' commits).
 */
import { startMailCatcher } from '../mail/mail-catcher';
import { demoMailConfig, startMail } from '../mail/mail-startup';
import type { ServerContext } from '../server-context';
import { setDemoAddresses } from './case-notifications';
import { inAppSender, NotificationService } from './notification-service';

let saidNoMail = false;

/** Hooks run when the context starts (mail registers its sender and listener here). */
type StartHook = (ctx: ServerContext) => Promise<(() => Promise<void>) | undefined>;
const startHooks: StartHook[] = [];
const stops = new WeakMap<ServerContext, (() => Promise<void>)[]>();

/** Adds a hook that runs at every context start after the service exists (mail uses it). */
export function onNotificationsStart(hook: StartHook): void {
  startHooks.push(hook);
}

export async function startNotifications(ctx: ServerContext): Promise<void> {
  ctx.notifications = new NotificationService(
    ctx.db,
    ctx.handle.engine,
    () => ctx.now(),
    ctx.options.notifications,
  );
  ctx.notifications.registerSender(inAppSender, { personal: true });
  const stopList: (() => Promise<void>)[] = [];
  // `npm start` (SAKSBORD_MAIL_CATCHER=1): a local mail catcher receives every mail the demo
  // sends, unless the configuration names a real mail server.
  if (!ctx.config.mail && process.env.SAKSBORD_MAIL_CATCHER === '1') {
    const catcher = await startMailCatcher({
      port: Number(process.env.SAKSBORD_MAIL_CATCHER_PORT ?? 0),
    });
    ctx.notifications.catcher = catcher;
    setDemoAddresses(true);
    ctx.config = { ...ctx.config, mail: demoMailConfig(catcher.port) };
    stopList.push(() => catcher.close());
    console.log(
      `mail: demo mail catcher on smtp://127.0.0.1:${catcher.port}; admins read what was sent in the app under Varsel (#/varsel) or at GET /api/v1/mail/caught`,
    );
  }
  if (!ctx.config.mail && !saidNoMail) {
    saidNoMail = true;
    console.log('mail: no `mail` section in the configuration, so no mail is sent');
  }
  if (ctx.config.mail) stopList.push(await startMail(ctx, ctx.config.mail));
  for (const hook of startHooks) {
    const stop = await hook(ctx);
    if (stop) stopList.push(stop);
  }
  stops.set(ctx, stopList);
  ctx.bus.subscribe(() => ctx.notifications.dispatcher.nudge());
  ctx.notifications.start();
}

export async function stopNotifications(ctx: ServerContext): Promise<void> {
  if (!ctx.notifications) return;
  await ctx.notifications.stop();
  for (const stop of stops.get(ctx) ?? []) await stop();
}
