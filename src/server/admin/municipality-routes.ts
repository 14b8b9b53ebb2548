/**
 * The municipality directory in the app (team leaders and admins): list with the file's
 * drift, add, and change (rename, retire, line-2 consultants, units, sign-in link). Never
 * deleted: a retired municipality keeps its history. Each change is audited and announced.
 */
import { createMunicipality, listMunicipalityDirectory, updateMunicipality } from '@core/api';
import type { MunicipalityConfig } from '@core/config';
import type { AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import { badRequest, HttpProblem, notFound } from '../http/problem';
import type { ServerContext } from '../server-context';
import { findUserById } from '../users/user-store';
import { adminChange, auditActorOf } from './admin-change';
import { municipalitiesKey } from './municipality-directory';

/** The sign-in providers the configuration lists (the OIDC sign-in owns that section). */
function identityProviderIds(ctx: ServerContext): string[] {
  const providers = (ctx.config as { identityProviders?: Array<{ id: string }> }).identityProviders;
  return (providers ?? []).map((p) => p.id);
}

/** What changed between two definitions, for the audit entry's summary. */
function changes(before: MunicipalityConfig, after: MunicipalityConfig): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(`renamed from "${before.name}" to "${after.name}"`);
  if (!before.retired && after.retired) out.push('retired');
  if (before.retired && !after.retired) out.push('taken back into use');
  if (JSON.stringify(before.line2Group) !== JSON.stringify(after.line2Group))
    out.push('line 2 changed');
  if (JSON.stringify(before.units ?? []) !== JSON.stringify(after.units ?? []))
    out.push('units changed');
  if ((before.identityProviderId ?? null) !== (after.identityProviderId ?? null)) {
    out.push(`sign-in link set to ${after.identityProviderId ?? 'none'}`);
  }
  return out;
}

export function mountMunicipalityRoutes(app: AppRouter, ctx: ServerContext): void {
  /** The consultants must be consultant accounts; the sign-in link a configured provider. */
  const check = async (m: MunicipalityConfig) => {
    const errors: Array<{ path: string; message: string }> = [];
    const ids = m.line2Group?.consultantIds ?? [];
    const users = await Promise.all(ids.map((id) => findUserById(ctx.db, id)));
    ids.forEach((id, i) => {
      const user = users[i];
      if (user?.role !== 'consultant') {
        errors.push({
          path: `body.line2Group.consultantIds.${i}`,
          message: `not a consultant: ${id}`,
        });
      }
    });
    const known = identityProviderIds(ctx);
    if (m.identityProviderId && !known.includes(m.identityProviderId)) {
      errors.push({
        path: 'body.identityProviderId',
        message: `no identity provider "${m.identityProviderId}" in the configuration`,
      });
    }
    const units = (m.units ?? []).map((u) => u.id);
    units.forEach((id, i) => {
      if (units.indexOf(id) !== i) {
        errors.push({ path: `body.units.${i}.id`, message: `duplicate unit id "${id}"` });
      }
    });
    if (errors.length > 0) throw badRequest(errors.map((e) => e.message).join('; '), errors);
  };
  const reload = () => ctx.directory.reload(ctx.db);

  mountRoute(app, ctx, listMunicipalityDirectory, async ({ reply }) =>
    reply(200, {
      municipalities: [...ctx.directory.all],
      drift: ctx.directory.drift,
      identityProviderIds: identityProviderIds(ctx),
    }),
  );

  mountRoute(app, ctx, createMunicipality, async ({ c, body, reply }) => {
    await check(body);
    const municipality = await adminChange(
      ctx,
      auditActorOf(c),
      async (trx) => {
        const exists = await trx
          .selectFrom('municipalities')
          .select('id')
          .where('id', '=', body.id)
          .executeTakeFirst();
        if (exists) {
          throw new HttpProblem(409, 'Conflict', `a municipality "${body.id}" exists`, {
            errors: [{ path: 'body.id', message: `a municipality "${body.id}" exists` }],
            rule: 'municipality.exists',
          });
        }
        const last = await trx
          .selectFrom('municipalities')
          .select((eb) => eb.fn.max('sort_order').as('max'))
          .executeTakeFirst();
        await trx
          .insertInto('municipalities')
          .values({
            id: body.id,
            definition: JSON.stringify(body),
            sort_order: Number(last?.max ?? 0) + 1,
            updated_by: c.get('actor').id,
            updated_at: ctx.now().toISOString(),
          })
          .execute();
        return {
          result: body,
          audit: {
            action: 'municipality.create',
            targetType: 'municipality',
            targetId: body.id,
            summary: `added municipality "${body.name}"`,
            details: { after: body },
          },
          announce: municipalitiesKey,
        };
      },
      reload,
    );
    return reply(201, { municipality }, { location: `/api/v1/admin/municipalities/${body.id}` });
  });

  mountRoute(app, ctx, updateMunicipality, async ({ c, params, body, reply }) => {
    if (body.id !== params.id) {
      throw badRequest('the id in the body differs from the path', [
        {
          path: 'body.id',
          message: 'id must match the path (an id never changes: rename instead)',
        },
      ]);
    }
    await check(body);
    const municipality = await adminChange(
      ctx,
      auditActorOf(c),
      async (trx) => {
        const row = await trx
          .selectFrom('municipalities')
          .selectAll()
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!row) throw notFound('no such municipality');
        const before = JSON.parse(row.definition) as MunicipalityConfig;
        await trx
          .updateTable('municipalities')
          .set({
            definition: JSON.stringify(body),
            updated_by: c.get('actor').id,
            updated_at: ctx.now().toISOString(),
          })
          .where('id', '=', params.id)
          .execute();
        const what = changes(before, body);
        return {
          result: body,
          audit: {
            action: body.retired && !before.retired ? 'municipality.retire' : 'municipality.update',
            targetType: 'municipality',
            targetId: body.id,
            summary: `${body.name}: ${what.length ? what.join(', ') : 'saved unchanged'}`,
            details: { before, after: body },
          },
          announce: municipalitiesKey,
        };
      },
      reload,
    );
    return reply(200, { municipality });
  });
}
