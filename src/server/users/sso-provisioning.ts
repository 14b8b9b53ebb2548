/**
 * Just-in-time accounts for single sign-on. The first sign-in through a provider makes the
 * account (name, e-mail, municipality, role from the claims; no local password); every later
 * sign-in updates it from the claims, so a person taken out of the staff group is a requester
 * from their next sign-in. An account is found by (provider, subject), never by e-mail or
 * username: a local account named like someone at a provider is never taken over.
 * A disabled account is refused. Every change and every sign-in is in the audit log, written
 * in the same transaction.
 */
import type { IdentityProviderConfig, SsoIdentity } from '@core/config';
import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { createUser, normaliseUsername, type StoredUser, toStoredUser } from './user-store';

export type SsoProvisionOutcome =
  | { ok: true; user: StoredUser; created: boolean; changed: string[] }
  | { ok: false; reason: 'disabled'; userId: string };

/** The system as the actor of a provider's account changes. */
function providerActor(provider: IdentityProviderConfig): AuditActor {
  return { id: null, name: `single sign-on (${provider.name})` };
}

/** A username nobody else has: the claim's, else prefixed with the provider, else with the subject. */
async function freeUsername(
  db: Kysely<Database>,
  provider: IdentityProviderConfig,
  identity: SsoIdentity,
): Promise<string> {
  const base = normaliseUsername(identity.username);
  const candidates = [
    base,
    `${provider.id}:${base}`,
    `${provider.id}:${base}:${identity.externalId.slice(0, 12).toLowerCase()}`,
  ];
  for (const candidate of candidates) {
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', candidate)
      .executeTakeFirst();
    if (!taken) return candidate;
  }
  return `${provider.id}:${identity.externalId.toLowerCase()}`;
}

/**
 * An account SCIM provisioned before the person's first sign-in carries the provider but not
 * yet the subject (SCIM does not know it). The first sign-in with the same username at the same
 * provider takes that account over and records the subject, so there is one account, and a
 * later SCIM `active: false` reaches the account the person signs in with.
 */
async function adoptProvisionedAccount(
  db: Kysely<Database>,
  provider: IdentityProviderConfig,
  identity: SsoIdentity,
  now: Date,
) {
  const provisioned = await db
    .selectFrom('users')
    .selectAll()
    .where('provider_id', '=', provider.id)
    .where('source', '=', 'scim')
    .where('external_id', 'is', null)
    .where('username', '=', normaliseUsername(identity.username))
    .executeTakeFirst();
  if (!provisioned) return undefined;
  await db
    .updateTable('users')
    .set({ external_id: identity.externalId, updated_at: now.toISOString() })
    .where('id', '=', provisioned.id)
    .execute();
  await recordAudit(
    db,
    {
      actor: providerActor(provider),
      action: 'user.update',
      targetType: 'user',
      targetId: provisioned.id,
      summary: `Provisioned account linked to its sign-in at ${provider.name}`,
      details: { provider: provider.id, linked: 'externalId' },
    },
    now,
  );
  return { ...provisioned, external_id: identity.externalId };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export async function provisionSsoUser(
  db: Kysely<Database>,
  provider: IdentityProviderConfig,
  identity: SsoIdentity,
  context: { now: Date; address: string | null; deviceId?: string | null },
): Promise<SsoProvisionOutcome> {
  const { now } = context;
  return db.transaction().execute(async (trx) => {
    const row =
      (await trx
        .selectFrom('users')
        .selectAll()
        .where('provider_id', '=', provider.id)
        .where('external_id', '=', identity.externalId)
        .executeTakeFirst()) ?? (await adoptProvisionedAccount(trx, provider, identity, now));

    if (row && Number(row.disabled) !== 0) {
      await recordAudit(
        trx,
        {
          actor: { id: row.id, name: row.display_name, address: context.address },
          action: 'signIn.refused',
          targetType: 'user',
          targetId: row.id,
          summary: `Single sign-on through ${provider.name} refused: the account is disabled`,
          details: { provider: provider.id, reason: 'disabled' },
        },
        now,
      );
      return { ok: false, reason: 'disabled', userId: row.id };
    }

    let user: StoredUser;
    let created = false;
    const changed: string[] = [];
    if (!row) {
      user = await createUser(
        trx,
        {
          username: await freeUsername(trx, provider, identity),
          displayName: identity.displayName,
          role: identity.role,
          municipalityIds: identity.municipalityIds,
          password: '',
          email: identity.email,
          source: 'oidc',
          providerId: provider.id,
          externalId: identity.externalId,
        },
        now,
      );
      created = true;
      await recordAudit(
        trx,
        {
          actor: providerActor(provider),
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          summary: `Account made at the first single sign-on through ${provider.name} (${identity.role})`,
          details: {
            provider: provider.id,
            username: user.username,
            role: identity.role,
            municipalityIds: identity.municipalityIds,
            groups: identity.matchedGroups,
          },
        },
        now,
      );
    } else {
      const before = toStoredUser(row);
      const after = {
        displayName: identity.displayName,
        email: identity.email,
        role: identity.role,
        municipalityIds: identity.municipalityIds,
      };
      if (before.displayName !== after.displayName) changed.push('displayName');
      if (before.email !== after.email) changed.push('email');
      if (before.role !== after.role) changed.push('role');
      if (!sameList(before.municipalityIds, after.municipalityIds)) changed.push('municipalityIds');
      await trx
        .updateTable('users')
        .set({
          display_name: after.displayName,
          email: after.email,
          role: after.role,
          municipality_ids: JSON.stringify(after.municipalityIds),
          ...(changed.length > 0 ? { updated_at: now.toISOString() } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      user = { ...before, ...after };
      if (changed.length > 0) {
        const facts = Object.fromEntries(
          changed.map((field) => [
            field,
            {
              from: before[field as keyof typeof after],
              to: after[field as keyof typeof after],
            },
          ]),
        );
        await recordAudit(
          trx,
          {
            actor: providerActor(provider),
            action: 'user.update',
            targetType: 'user',
            targetId: row.id,
            summary:
              before.role !== after.role
                ? `Role changed from ${before.role} to ${after.role} at single sign-on through ${provider.name}`
                : `Account updated from ${provider.name} at single sign-on (${changed.join(', ')})`,
            details: { provider: provider.id, changes: facts, groups: identity.matchedGroups },
          },
          now,
        );
      }
    }

    await trx
      .updateTable('users')
      .set({ last_sign_in_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(
      trx,
      {
        actor: {
          id: user.id,
          name: user.displayName,
          address: context.address,
          deviceId: context.deviceId ?? null,
        },
        action: 'signIn.oidc',
        targetType: 'user',
        targetId: user.id,
        summary: `Signed in through ${provider.name} as ${user.role}`,
        details: { provider: provider.id, role: user.role, created },
      },
      now,
    );
    return { ok: true, user: { ...user, lastSignInAt: now.toISOString() }, created, changed };
  });
}
