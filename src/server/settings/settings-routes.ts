/**
 * `GET /api/v1/settings/sla`: the SLA targets and at-risk threshold in force (staff).
 * `PUT /api/v1/settings/sla`: change them (team leader or admin), validated with core's
 * `slaConfigSchema` (400 naming each bad field), refused with 409 when based on an older
 * version, audited in `settings_audit`; every SSE client then gets a `settingsChanged` event
 * (sent with the commit, to clients of every server process) and `GET /api/v1/config` serves
 * the new targets.
 * `GET /api/v1/settings/sla/audit`: who changed what, when (team leader or admin).
 */
import { getSlaSettings, getSlaSettingsAudit, putSlaSettings } from '@core/api';
import { auditActorOf } from '../admin/admin-change';
import { recordAudit } from '../audit/audit-log';
import { headSeq } from '../db/write-lock';
import type { BusMessage } from '../events/event-bus';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { HttpProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import {
  readSlaSettings,
  slaSettingsAudit,
  slaSettingsKey,
  writeSlaSettings,
} from './settings-store';

export function mountSettingsRoutes(app: AppRouter, ctx: ServerContext): void {
  mountRoute(app, ctx, getSlaSettings, async ({ reply }) =>
    reply(200, await readSlaSettings(ctx.db, ctx.config.sla)),
  );

  mountRoute(app, ctx, getSlaSettingsAudit, async ({ reply }) =>
    reply(200, { entries: await slaSettingsAudit(ctx.db) }),
  );

  mountRoute(app, ctx, putSlaSettings, async ({ c, body, reply }) => {
    const session = c.get('session');
    let notice: BusMessage | undefined;
    const result = await writeSlaSettings(
      ctx.db,
      ctx.config.sla,
      {
        sla: body.sla,
        baseVersion: body.baseVersion,
        userId: session.user.id,
        deviceId: session.deviceId,
        at: ctx.now(),
      },
      async (trx, settings) => {
        // The audit log of every administrative change, in the same transaction.
        const [written] = await slaSettingsAudit(trx, 1);
        await recordAudit(
          trx,
          {
            actor: auditActorOf(c),
            action: 'settings.sla',
            targetType: 'settings',
            targetId: slaSettingsKey,
            summary: `changed the SLA targets (version ${settings.version})`,
            details: { before: written?.old, after: settings.sla, version: settings.version },
          },
          ctx.now(),
        );
        // Every client (of any server process) fetches the configuration again at once.
        notice = {
          cursor: await headSeq(trx),
          settingsChanged: { key: slaSettingsKey, version: settings.version },
        };
        await ctx.bus.publish(trx, notice);
      },
    );
    if (result.ok && notice) ctx.bus.committed(notice);
    if (!result.ok) {
      throw new HttpProblem(
        409,
        'Conflict',
        `the SLA settings changed (now version ${result.current.version}); reload and try again`,
        { rule: 'settings.staleVersion', params: { version: result.current.version } },
      );
    }
    return reply(200, result.settings);
  });
}
