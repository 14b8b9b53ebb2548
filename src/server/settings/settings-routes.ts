/**
 * `GET /api/v1/settings/sla`: the SLA targets and at-risk threshold in force (staff).
 * `PUT /api/v1/settings/sla`: change them (team leader or admin), validated with core's
 * `slaConfigSchema` (400 naming each bad field), refused with 409 when based on an older
 * version, audited in `settings_audit`; every SSE client then gets a `settingsChanged` event
 * (sent with the commit, to clients of every server process) and `GET /api/v1/config` serves
 * the new targets.
 * `GET /api/v1/settings/sla/audit`: who changed what, when (team leader or admin).
 */
import { Hono } from 'hono';
import { slaSettingsEditorRoles, slaSettingsUpdateSchema } from '../../core/reports/sla-settings';
import { isStaff } from '../../core/rules';
import { requireRole, requireUser } from '../auth/require-user';
import { headSeq } from '../db/write-lock';
import type { BusMessage } from '../events/event-bus';
import type { AppEnv } from '../http/app-env';
import { forbidden, HttpProblem, parseBody } from '../http/problem';
import type { ServerContext } from '../server-context';
import {
  readSlaSettings,
  slaSettingsAudit,
  slaSettingsKey,
  writeSlaSettings,
} from './settings-store';

export function settingsRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireUser(ctx));
  app.use('*', async (c, next) => {
    if (!isStaff(c.get('actor'))) throw forbidden('settings are for staff', 'role.required');
    await next();
  });

  app.get('/sla', async (c) => c.json(await readSlaSettings(ctx.db, ctx.config.sla)));

  app.get('/sla/audit', requireRole(...slaSettingsEditorRoles), async (c) =>
    c.json({ entries: await slaSettingsAudit(ctx.db) }),
  );

  app.put('/sla', requireRole(...slaSettingsEditorRoles), async (c) => {
    const body = await parseBody(c, slaSettingsUpdateSchema);
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
        { rule: 'settings.staleVersion' },
      );
    }
    return c.json(result.settings);
  });
  return app;
}
