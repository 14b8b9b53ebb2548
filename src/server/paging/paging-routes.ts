/**
 * On-call and paging routes (core's `oncall-api.ts`): now/next, the rota, paging contacts and
 * push subscriptions, acknowledgement links, a case's paging history and on-call status, the
 * on-call log (JSON/CSV) and the per-person iCalendar feed. Importing this module also
 * registers paging's start hook (paging-startup.ts).
 */
import {
  acknowledgeByLink,
  addPushSubscription,
  getCaseOnCallStatus,
  getCasePaging,
  getOnCallFeed,
  getOnCallLog,
  getOnCallNow,
  getPagingContact,
  getPushKey,
  getRota,
  putPagingContact,
  putRotaOverrides,
  putRotaSettings,
  type RotaAssignmentView,
  removePushSubscription,
  showAckPage,
  swapRotaPeriods,
} from '@core/api';
import { statusAt } from '@core/calendar';
import {
  nextOnCallPeriod,
  onCallLogCsv,
  onCallPeriodAt,
  type RotaAssignment,
  rotaWarnings,
  swapOverrides,
} from '@core/oncall';
import { DateTime } from 'luxon';
import { loadCase } from '../cases/case-queries';
import { mayReadCase } from '../cases/case-rules';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';
import {
  removePushSubscription as dropSubscription,
  getContact,
  pushSubscriptionIds,
  putContact,
  addPushSubscription as storeSubscription,
} from './contacts-store';
import { feedToken, feedUserId, onCallFeed } from './oncall-feed';
import { onCallLog } from './oncall-log-report';
import { mountOnCallPage } from './oncall-page';
import { acknowledgeWithToken, peekToken } from './paging-ack';
import './paging-startup';
import {
  getRotaSettings,
  putOverrides,
  rotaBetween,
  putRotaSettings as storeRotaSettings,
} from './rota-store';
import { vapidKeys } from './vapid-keys';

const DAY_MS = 86_400_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A small self-contained page (the link is opened on a phone, outside the app). */
function ackHtml(title: string, body: string, form?: string): string {
  return `<!doctype html><html lang="nn"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:18px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem}button{font:inherit;padding:.75rem 1.5rem;border-radius:.5rem;border:2px solid #1a4d8f;background:#1a4d8f;color:#fff}button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${form ?? ''}</main></body></html>`;
}

export function mountPagingRoutes(app: AppRouter, ctx: ServerContext): void {
  mountOnCallPage(app);
  const names = async (): Promise<Map<string, string>> => {
    const rows = await ctx.db.selectFrom('users').select(['id', 'display_name']).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  };
  const zone = ctx.config.calendar.timeZone;
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO()!;
  const view = (a: RotaAssignment, who: Map<string, string>): RotaAssignmentView => ({
    period: {
      id: a.period.id,
      date: a.period.date,
      start: iso(a.period.startMs),
      end: iso(a.period.endMs),
      kind: a.period.kind,
    },
    primary: a.primaryId ? { id: a.primaryId, name: who.get(a.primaryId) ?? a.primaryId } : null,
    backup: a.backupId ? { id: a.backupId, name: who.get(a.backupId) ?? a.backupId } : null,
    primarySource: a.primarySource,
    backupSource: a.backupSource,
  });

  mountRoute(app, ctx, getOnCallNow, async ({ reply }) => {
    const now = ctx.now().getTime();
    const status = statusAt(ctx.calendar, now);
    const handover = ctx.config.paging.handoverTime;
    const current = onCallPeriodAt(ctx.calendar, now, handover);
    const next = nextOnCallPeriod(ctx.calendar, now, handover);
    const who = await names();
    const from = current?.startMs ?? now;
    const rota = await rotaBetween(ctx, ctx.db, from, (next?.endMs ?? now) + 1);
    const find = (id: string | undefined) => rota.find((a) => a.period.id === id);
    const nowA = find(current?.id);
    const nextA = find(next?.id);
    return reply(200, {
      at: iso(now),
      supportOpen: status.supportOpen,
      onCallStaffed: status.onCallStaffed,
      onCallPhone: ctx.config.calendar.phoneNumbers.onCall,
      now: nowA ? view(nowA, who) : null,
      next: nextA ? view(nextA, who) : null,
    });
  });

  mountRoute(app, ctx, getRota, async ({ query, reply }) => {
    const fromMs = query.from
      ? DateTime.fromISO(query.from, { zone }).toMillis()
      : DateTime.fromMillis(ctx.now().getTime(), { zone }).startOf('day').toMillis();
    if (!Number.isFinite(fromMs))
      throw badRequest('from is not a date', [{ path: 'query.from', message: 'not a date' }]);
    const rota = await rotaBetween(ctx, ctx.db, fromMs, fromMs + query.days * DAY_MS);
    const who = await names();
    const staffRows = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('role', 'in', ['agent', 'teamLeader', 'senior', 'consultant'])
      .where('disabled', '=', 0)
      .orderBy('display_name')
      .execute();
    return reply(200, {
      settings: await getRotaSettings(ctx.db),
      assignments: rota.map((a) => view(a, who)),
      warnings: rotaWarnings(rota),
      people: staffRows.map((r) => ({ id: r.id, name: r.display_name })),
    });
  });

  mountRoute(app, ctx, putRotaSettings, async ({ c, body, reply }) => {
    await storeRotaSettings(ctx.db, body, c.get('actor').id, ctx.now());
    return reply(200, { settings: await getRotaSettings(ctx.db) });
  });

  mountRoute(app, ctx, putRotaOverrides, async ({ c, body, reply }) => {
    await putOverrides(ctx.db, body.overrides, c.get('actor').id, ctx.now());
    return reply(204, undefined);
  });

  mountRoute(app, ctx, swapRotaPeriods, async ({ c, body, reply }) => {
    const ms = (id: string) => DateTime.fromFormat(id, "yyyy-MM-dd'T'HH:mm", { zone }).toMillis();
    const a = ms(body.a);
    const b = ms(body.b);
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw notFound('no such on-call period');
    const rota = await rotaBetween(ctx, ctx.db, Math.min(a, b), Math.max(a, b) + 1);
    const pa = rota.find((x) => x.period.id === body.a);
    const pb = rota.find((x) => x.period.id === body.b);
    if (!pa || !pb) throw notFound('no such on-call period');
    await putOverrides(ctx.db, swapOverrides(pa, pb), c.get('actor').id, ctx.now());
    return reply(204, undefined);
  });

  const contactView = async (userId: string) => {
    const contact = await getContact(ctx.db, userId);
    const base = ctx.config.paging.publicUrl.replace(/\/$/, '');
    return {
      phone: contact.phone,
      email: contact.email,
      pushOn: contact.pushOn,
      smsOn: contact.smsOn,
      emailOn: contact.emailOn,
      pushSubscriptions: (await pushSubscriptionIds(ctx.db, userId)).length,
      feedUrl: `${base}/api/v1/oncall/feeds/${await feedToken(ctx, userId)}`,
    };
  };

  mountRoute(app, ctx, getPagingContact, async ({ c, reply }) =>
    reply(200, await contactView(c.get('actor').id)),
  );

  mountRoute(app, ctx, putPagingContact, async ({ c, body, reply }) => {
    const userId = c.get('actor').id;
    await putContact(
      ctx.db,
      {
        userId,
        phone: body.phone || null,
        email: body.email || null,
        pushOn: body.pushOn,
        smsOn: body.smsOn,
        emailOn: body.emailOn,
      },
      ctx.now(),
    );
    return reply(200, await contactView(userId));
  });

  mountRoute(app, ctx, getPushKey, async ({ reply }) =>
    reply(200, { publicKey: (await vapidKeys(ctx.db)).publicKey }),
  );

  mountRoute(app, ctx, addPushSubscription, async ({ c, body, reply }) => {
    const id = await storeSubscription(ctx.db, c.get('actor').id, body, ctx.now());
    return reply(201, { id });
  });

  mountRoute(app, ctx, removePushSubscription, async ({ c, body, reply }) => {
    await dropSubscription(ctx.db, c.get('actor').id, body.endpoint);
    return reply(204, undefined);
  });

  mountRoute(app, ctx, showAckPage, async ({ c, params }) => {
    const check = await peekToken(ctx, params.token);
    if (!check.ok) {
      return c.html(ackHtml('Lenkja er ikkje gyldig', 'Ho er brukt, gått ut eller feil.'), 200);
    }
    return c.html(
      ackHtml(
        'Kvitter for vaktvarselet',
        'Trykk for å kvittere: då er saka teken, og varslinga stoppar.',
        `<form method="post"><button type="submit">Kvitter</button></form>`,
      ),
      200,
    );
  });

  mountRoute(app, ctx, acknowledgeByLink, async ({ c, params }) => {
    const outcome = await acknowledgeWithToken(ctx, params.token);
    if (!outcome.ok) {
      const why =
        outcome.reason === 'used' || outcome.reason === 'closed'
          ? 'Varselet er alt kvittert, eller saka er ikkje kritisk lenger.'
          : 'Lenkja er gått ut eller er feil.';
      return c.html(ackHtml('Ikkje kvittert', why), 409);
    }
    return c.html(
      ackHtml('Kvittert', `Sak ${outcome.caseNumber ?? ''} er kvittert av ${outcome.by}.`),
      200,
    );
  });

  mountRoute(app, ctx, getCasePaging, async ({ c, params, reply }) => {
    const record = await loadCase(ctx, params.id);
    if (!record || !mayReadCase(ctx, c.get('actor'), record)) throw notFound('no such case');
    const incidents = await ctx.db
      .selectFrom('paging_incidents')
      .selectAll()
      .where('case_id', '=', record.id)
      .orderBy('started_at')
      .execute();
    const log = await ctx.db
      .selectFrom('paging_log')
      .selectAll()
      .where('case_id', '=', record.id)
      .orderBy('at')
      .execute();
    return reply(200, {
      incidents: incidents.map((i) => ({
        id: i.id,
        startedAt: i.started_at,
        mode: i.mode === 'insideHours' ? ('insideHours' as const) : ('onCall' as const),
        status: (i.status === 'acknowledged' || i.status === 'closed' ? i.status : 'open') as
          | 'open'
          | 'acknowledged'
          | 'closed',
        step: Number(i.step),
        acknowledgedAt: i.acknowledged_at,
        acknowledgedBy: i.acknowledged_by,
        acknowledgedVia: i.acknowledged_via,
      })),
      log: log.map((l) => ({
        at: l.at,
        kind: l.kind,
        step: l.step === null ? null : Number(l.step),
        targetName: l.target_name,
        channel: l.channel,
        detail: l.detail,
      })),
    });
  });

  mountRoute(app, ctx, getCaseOnCallStatus, async ({ c, params, reply }) => {
    const record = await loadCase(ctx, params.id);
    if (!record || !mayReadCase(ctx, c.get('actor'), record)) throw notFound('no such case');
    const incident = await ctx.db
      .selectFrom('paging_incidents')
      .selectAll()
      .where('case_id', '=', record.id)
      .where('mode', '=', 'onCall')
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    if (!incident) return reply(200, { paged: false, pagedAt: null, acknowledgedAt: null });
    const firstPage = await ctx.db
      .selectFrom('paging_log')
      .select('at')
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'paged')
      .orderBy('at')
      .executeTakeFirst();
    return reply(200, {
      paged: firstPage !== undefined,
      pagedAt: firstPage?.at ?? null,
      acknowledgedAt: incident.acknowledged_at,
    });
  });

  mountRoute(app, ctx, getOnCallLog, async ({ c, query, reply }) => {
    let fromMs: number;
    let toMs: number;
    if (query.from.includes('T')) {
      const start = DateTime.fromFormat(query.from, "yyyy-MM-dd'T'HH:mm", { zone }).toMillis();
      const period = onCallPeriodAt(ctx.calendar, start, ctx.config.paging.handoverTime);
      if (!period || period.id !== query.from)
        throw badRequest('no on-call period starts then', [
          { path: 'query.from', message: 'no such on-call period' },
        ]);
      fromMs = period.startMs;
      toMs = period.endMs;
    } else {
      fromMs = DateTime.fromISO(query.from, { zone }).toMillis();
      toMs = DateTime.fromISO(query.to ?? query.from, { zone })
        .plus({ days: 1 })
        .toMillis();
    }
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
      throw badRequest('from/to are not a range', [
        { path: 'query.to', message: 'must not be before from' },
      ]);
    }
    const rows = await onCallLog(ctx, fromMs, toMs);
    if (query.format === 'csv') {
      return c.body(onCallLogCsv(rows, zone), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="vaktlogg-${query.from.replace(':', '')}.csv"`,
      });
    }
    const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return reply(200, {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      rows: rows.map((r) => ({
        ...r,
        criticalAt: new Date(r.criticalAt).toISOString(),
        firstPagedAt: isoOrNull(r.firstPagedAt),
        acknowledgedAt: isoOrNull(r.acknowledgedAt),
      })),
    });
  });

  mountRoute(app, ctx, getOnCallFeed, async ({ c, params }) => {
    const userId = await feedUserId(ctx, params.token);
    const user = userId
      ? await ctx.db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', '=', userId)
          .executeTakeFirst()
      : undefined;
    if (!user) throw notFound('no such feed');
    return c.body(await onCallFeed(ctx, user.id, user.display_name), 200, {
      'content-type': 'text/calendar; charset=utf-8',
    });
  });
}
