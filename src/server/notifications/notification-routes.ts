/**
 * Notification routes of the contract (core/api/notification-api.ts): preferences, staff's
 * in-app list, the admins' "could not deliver" list with retry, mail held for line 1, and
 * the demo's mail catcher.
 */
import { randomUUID } from 'node:crypto';
import {
  decideHeldMail,
  getNotificationPreferences,
  listCaughtMail,
  listHeldMail,
  listMyNotifications,
  listUndeliverable,
  putNotificationPreferences,
  retryUndeliverable,
} from '@core/api';
import {
  essentialKinds,
  type NotificationKind,
  type NotificationPreferences,
  notificationKindSchema,
  notificationKinds,
} from '@core/notifications';
import { auditActorOf } from '../admin/admin-change';
import { recordAudit } from '../audit/audit-log';
import { loadCase } from '../cases/case-queries';
import type { CaseActor } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';
import { findUserById } from '../users/user-store';
import { listFailed, retryFailed } from './outbox-store';
import { preferencesOf, savePreferences, subjectOfUser } from './preferences-store';

const requesterKinds: NotificationKind[] = [
  'caseReceived',
  'agentReplied',
  'waitingForYou',
  'resolved',
  'closed',
];
const staffKinds = notificationKinds.filter((k) => !requesterKinds.includes(k));

export function mountNotificationRoutes(app: AppRouter, ctx: ServerContext): void {
  const answer = async (actor: CaseActor, preferences: NotificationPreferences) => {
    const user = await findUserById(ctx.db, actor.id);
    const kinds = actor.role === 'requester' ? requesterKinds : staffKinds;
    return {
      preferences,
      kinds,
      essential: essentialKinds.filter((k) => kinds.includes(k)),
      mailEnabled: ctx.config.mail !== undefined,
      email: user?.email ?? null,
    };
  };

  mountRoute(app, ctx, getNotificationPreferences, async ({ c, reply }) => {
    const actor = c.get('actor');
    return reply(200, await answer(actor, await preferencesOf(ctx.db, subjectOfUser(actor.id))));
  });

  mountRoute(app, ctx, putNotificationPreferences, async ({ c, body, reply }) => {
    const actor = c.get('actor');
    await savePreferences(ctx.db, subjectOfUser(actor.id), body, ctx.now());
    return reply(200, await answer(actor, body));
  });

  mountRoute(app, ctx, listMyNotifications, async ({ c, reply }) => {
    const actor = c.get('actor');
    const rows = await ctx.db
      .selectFrom('notifications')
      .select(['id', 'case_id', 'kind', 'payload', 'created_at', 'recipient'])
      .where('channel', '=', 'inApp')
      .where('status', '=', 'sent')
      .where('recipient', 'like', `%"userId":"${actor.id}"%`)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    const notifications = rows.flatMap((row) => {
      const kind = notificationKindSchema.safeParse(row.kind);
      if (!kind.success) return [];
      const payload = JSON.parse(row.payload) as { caseNumber?: string | null; title?: string };
      return [
        {
          id: row.id,
          caseId: row.case_id,
          caseNumber: payload.caseNumber ?? null,
          title: payload.title ?? '',
          kind: kind.data,
          createdAt: row.created_at,
        },
      ];
    });
    return reply(200, { notifications });
  });

  mountRoute(app, ctx, listUndeliverable, async ({ reply }) => {
    return reply(200, { notifications: await listFailed(ctx.db) });
  });

  mountRoute(app, ctx, retryUndeliverable, async ({ c, params, reply }) => {
    const row = await ctx.db
      .selectFrom('notifications')
      .select(['channel', 'kind', 'case_id'])
      .where('id', '=', params.id)
      .executeTakeFirst();
    // The retry and its audit entry commit together.
    const ok = await ctx.db.transaction().execute(async (trx) => {
      if (!row) return false;
      const giveUpMs = ctx.notifications.giveUpAfterMs(row.channel);
      if (!(await retryFailed(trx, params.id, ctx.now(), giveUpMs))) return false;
      await recordAudit(
        trx,
        {
          actor: auditActorOf(c),
          action: 'notification.retry',
          targetType: 'notification',
          targetId: params.id,
          summary: `retried a ${row.channel} notification (${row.kind}) that could not be delivered`,
          details: { caseId: row.case_id, kind: row.kind, channel: row.channel },
        },
        ctx.now(),
      );
      return true;
    });
    if (!ok) throw notFound('no such given-up notification');
    ctx.notifications.dispatcher.nudge();
    return reply(204, undefined);
  });

  mountRoute(app, ctx, listHeldMail, async ({ reply }) => {
    const rows = await ctx.db
      .selectFrom('inbound_mail')
      .selectAll()
      .where('status', '=', 'held')
      .orderBy('received_at')
      .limit(200)
      .execute();
    return reply(200, {
      mails: rows.map((r) => ({
        id: r.id,
        receivedAt: r.received_at,
        from: r.from_address,
        subject: r.subject,
        body: r.body,
        caseId: r.case_id,
        reason: r.reason,
      })),
    });
  });

  mountRoute(app, ctx, decideHeldMail, async ({ c, params, body, reply }) => {
    const row = await ctx.db
      .selectFrom('inbound_mail')
      .selectAll()
      .where('id', '=', params.id)
      .where('status', '=', 'held')
      .executeTakeFirst();
    if (!row) throw notFound('no such held mail');
    if (body.action === 'post') {
      const record = row.case_id ? await loadCase(ctx, row.case_id) : undefined;
      if (!record) throw notFound('the held mail has no case');
      const outcome = await applyMutation(ctx, c.get('actor'), `mail-held`, {
        mutationId: randomUUID(),
        caseId: record.id,
        baseVersion: record.version,
        clientAt: ctx.now().toISOString(),
        change: {
          type: 'commented',
          commentId: randomUUID(),
          body: `E-post frå ${row.from_address}: ${row.subject}\n\n${row.body}`.slice(0, 20_000),
          visibility: 'internal',
        },
      });
      if (outcome.result.status !== 'applied') {
        throw new HttpProblem(422, 'Refused', outcome.result.reason ?? 'the case refused the note');
      }
    }
    await ctx.db
      .updateTable('inbound_mail')
      .set({ status: body.action === 'post' ? 'released' : 'discarded' })
      .where('id', '=', row.id)
      .execute();
    return reply(204, undefined);
  });

  mountRoute(app, ctx, listCaughtMail, async ({ reply }) => {
    const catcher = ctx.notifications.catcher;
    if (!catcher) return reply(200, { running: false, address: null, mails: [] });
    return reply(200, {
      running: true,
      address: `smtp://${catcher.host}:${catcher.port}`,
      mails: [...catcher.mails]
        .reverse()
        .slice(0, 200)
        .map((m) => ({
          n: m.n,
          receivedAt: m.receivedAt,
          to: m.to,
          subject: m.subject,
          text: m.text,
        })),
    });
  });
}
