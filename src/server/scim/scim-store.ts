/**
 * SCIM Users and Groups of one identity provider, stored as Saksbord accounts: the account
 * row holds what Saksbord uses (username, name, e-mail, active, role, municipality), the rest
 * of the resource is kept as sent (`scim_user_attributes`). Every change is written with its
 * audit entry in one transaction; an account made inactive loses its sessions in the same
 * transaction, and the caller announces the ended sessions after the commit.
 *
 * Which accounts a provider sees: those with its `provider_id` (made by its SCIM or at a
 * sign-in through it). A deleted account is kept (cases name it) but disabled and renamed
 * `deleted:<id>`, so the same userName can be provisioned again.
 */
import { randomUUID } from 'node:crypto';
import type { IdentityProviderConfig } from '@core/config/identity-provider';
import type { Role } from '@core/rules';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditActor, recordAudit, systemActor } from '../audit/audit-log';
import type { Database, UserRow } from '../db/schema';
import { deleteSessionsOf } from '../users/user-sessions';
import { toStoredUser } from '../users/user-store';
import { invalidValue, ScimError } from './scim-error';
import { matchesScimFilter, requiredEqualities, type ScimFilter } from './scim-filter';
import {
  groupSchemaUrn,
  isJsonObject,
  type Json,
  municipalityIdsFor,
  municipalityOf,
  roleOfGroups,
  userFields,
  userSchemaUrn,
  writableAttributes,
} from './scim-resources';

type Db = Kysely<Database> | Transaction<Database>;

const deletedPrefix = 'deleted:';

const asciiOnly = (value: string) => /^[\x20-\x7e]*$/.test(value);

export interface ScimScope {
  provider: IdentityProviderConfig;
  /** `<origin>/scim/v2`, for `meta.location`. */
  base: string;
}

export const scimActor = (provider: IdentityProviderConfig): AuditActor =>
  systemActor(`SCIM ${provider.name}`);

function parseJson(text: string | undefined): Json {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------- users

interface GroupRef {
  id: string;
  displayName: string;
  externalId: string | null;
}

async function groupsOfUsers(db: Db, userIds: string[]): Promise<Map<string, GroupRef[]>> {
  const found = new Map<string, GroupRef[]>();
  if (userIds.length === 0) return found;
  const rows = await db
    .selectFrom('scim_group_members')
    .innerJoin('scim_groups', 'scim_groups.id', 'scim_group_members.group_id')
    .select([
      'scim_group_members.user_id',
      'scim_groups.id',
      'scim_groups.display_name',
      'scim_groups.external_id',
    ])
    .where('scim_group_members.user_id', 'in', userIds)
    .execute();
  for (const row of rows) {
    const list = found.get(row.user_id) ?? [];
    list.push({ id: row.id, displayName: row.display_name, externalId: row.external_id });
    found.set(row.user_id, list);
  }
  return found;
}

async function attributesOfUsers(db: Db, userIds: string[]): Promise<Map<string, Json>> {
  const found = new Map<string, Json>();
  if (userIds.length === 0) return found;
  const rows = await db
    .selectFrom('scim_user_attributes')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
  for (const row of rows) found.set(row.user_id, parseJson(row.attributes));
  return found;
}

function userResource(
  scope: ScimScope,
  row: UserRow,
  attributes: Json,
  groups: readonly GroupRef[],
): Json {
  const user = toStoredUser(row);
  const emails =
    attributes.emails ?? (user.email ? [{ value: user.email, type: 'work', primary: true }] : []);
  return {
    ...attributes,
    schemas: Array.isArray(attributes.schemas) ? attributes.schemas : [userSchemaUrn],
    id: user.id,
    userName: typeof attributes.userName === 'string' ? attributes.userName : user.username,
    displayName: user.displayName,
    active: !user.disabled,
    emails,
    groups: groups.map((g) => ({
      value: g.id,
      display: g.displayName,
      $ref: `${scope.base}/Groups/${g.id}`,
    })),
    meta: {
      resourceType: 'User',
      created: user.createdAt,
      lastModified: row.updated_at ?? user.createdAt,
      location: `${scope.base}/Users/${user.id}`,
    },
  };
}

function scopedUsers(db: Db, providerId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('username', 'not like', `${deletedPrefix}%`);
}

async function resourcesOf(db: Db, scope: ScimScope, rows: UserRow[]): Promise<Json[]> {
  const ids = rows.map((r) => r.id);
  const [attributes, groups] = await Promise.all([
    attributesOfUsers(db, ids),
    groupsOfUsers(db, ids),
  ]);
  return rows.map((row) =>
    userResource(scope, row, attributes.get(row.id) ?? {}, groups.get(row.id) ?? []),
  );
}

/** The provider's users matching `filter` (all without), oldest first. */
export async function findScimUsers(
  db: Db,
  scope: ScimScope,
  filter: ScimFilter | undefined,
): Promise<Json[]> {
  let query = scopedUsers(db, scope.provider.id);
  // Narrow by an indexed column first; the whole filter is checked on what comes back.
  for (const { path, value } of filter ? requiredEqualities(filter) : []) {
    if (typeof value !== 'string') continue;
    const name = path.toLowerCase();
    if (name === 'username') query = query.where('username', '=', value.trim().toLowerCase());
    if (name === 'id') query = query.where('id', '=', value);
    // SQLite's lower() knows only ASCII: narrow by the name only where that is enough.
    if (name === 'displayname' && asciiOnly(value)) {
      query = query.where(sql`lower(display_name)`, '=', value.trim().toLowerCase());
    }
    if (name === 'externalid') {
      // Kept in the stored resource only: narrow by its text in SQL (a scan of text, not a
      // decoding of every resource), then the filter decides exactly.
      const pattern = `%"externalId":${JSON.stringify(value)}%`.replace(/[\\_]/g, (m) => `\\${m}`);
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('scim_user_attributes')
            .select('user_id')
            .whereRef('scim_user_attributes.user_id', '=', 'users.id')
            .where('attributes', 'like', sql<string>`${pattern} escape '\\'`),
        ),
      );
    }
  }
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const resources = await resourcesOf(db, scope, rows);
  return filter ? resources.filter((r) => matchesScimFilter(r, filter)) : resources;
}

async function scopedUserRow(db: Db, scope: ScimScope, id: string): Promise<UserRow> {
  const row = await scopedUsers(db, scope.provider.id).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ScimError(404, `Users/${id}: no such user`);
  return row;
}

export async function getScimUser(db: Db, scope: ScimScope, id: string): Promise<Json> {
  const row = await scopedUserRow(db, scope, id);
  const [resource] = await resourcesOf(db, scope, [row]);
  return resource as Json;
}

async function providerHasGroups(db: Db, providerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('scim_groups')
    .select('id')
    .where('provider_id', '=', providerId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** What a write did that the caller announces after the commit. */
export interface ScimWriteOutcome {
  resource: Json;
  /** Set when the account was made inactive: its sessions ended. */
  endedUserId?: string;
}

async function assertUsernameFree(db: Db, username: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('users').select('id').where('username', '=', username);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new ScimError(409, `userName: "${username}" is already taken`, 'uniqueness');
  }
}

/** A new account from a User resource. */
export async function createScimUser(
  trx: Transaction<Database>,
  scope: ScimScope,
  doc: Json,
  now: Date,
): Promise<ScimWriteOutcome> {
  const fields = userFields(doc);
  await assertUsernameFree(trx, fields.username);
  const stored = writableAttributes(doc);
  const role: Role =
    (await providerHasGroups(trx, scope.provider.id)) || stored.roles !== undefined
      ? roleOfGroups(scope.provider, [], stored)
      : 'requester';
  const municipality = municipalityOf(scope.provider, stored);
  const id = randomUUID();
  const at = now.toISOString();
  const row: UserRow = {
    id,
    username: fields.username,
    display_name: fields.displayName,
    role,
    municipality_ids: JSON.stringify(municipalityIdsFor(role, municipality)),
    password_hash: '',
    disabled: fields.active ? 0 : 1,
    created_at: at,
    email: fields.email,
    source: 'scim',
    provider_id: scope.provider.id,
    external_id: null,
    locale: fields.locale,
    last_sign_in_at: null,
    password_changed_at: null,
    totp_secret: null,
    totp_last_step: null,
    updated_at: at,
  };
  await trx.insertInto('users').values(row).execute();
  await trx
    .insertInto('scim_user_attributes')
    .values({ user_id: id, attributes: JSON.stringify(stored) })
    .execute();
  await recordAudit(
    trx,
    {
      actor: scimActor(scope.provider),
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      summary: `Provisioned ${fields.username} (${role}) by SCIM from ${scope.provider.name}`,
      details: {
        source: 'scim',
        provider: scope.provider.id,
        username: fields.username,
        role,
        municipalityIds: municipalityIdsFor(role, municipality),
        active: fields.active,
      },
    },
    now,
  );
  return { resource: userResource(scope, row, stored, []) };
}

/** Replaces an account's resource (PUT, and PATCH after the operations are applied). */
export async function writeScimUser(
  trx: Transaction<Database>,
  scope: ScimScope,
  id: string,
  doc: Json,
  now: Date,
): Promise<ScimWriteOutcome> {
  const before = await scopedUserRow(trx, scope, id);
  const fields = userFields(doc);
  if (fields.username !== before.username) await assertUsernameFree(trx, fields.username, id);
  const stored = writableAttributes(doc);
  const groups = (await groupsOfUsers(trx, [id])).get(id) ?? [];
  const old = toStoredUser(before);
  const setsRole = (await providerHasGroups(trx, scope.provider.id)) || stored.roles !== undefined;
  const role = setsRole ? roleOfGroups(scope.provider, groupNames(groups), stored) : old.role;
  const municipality = municipalityOf(scope.provider, stored) ?? old.municipalityIds[0] ?? null;
  const municipalityIds = municipalityIdsFor(role, municipality);
  const at = now.toISOString();
  const after: UserRow = {
    ...before,
    username: fields.username,
    display_name: fields.displayName,
    email: fields.email,
    locale: fields.locale ?? before.locale,
    disabled: fields.active ? 0 : 1,
    role,
    municipality_ids: JSON.stringify(municipalityIds),
    updated_at: at,
  };
  await trx
    .updateTable('users')
    .set({
      username: after.username,
      display_name: after.display_name,
      email: after.email,
      locale: after.locale,
      disabled: after.disabled,
      role: after.role,
      municipality_ids: after.municipality_ids,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  await upsertAttributes(trx, id, stored);
  const deactivated = !old.disabled && !fields.active;
  if (deactivated) await deleteSessionsOf(trx, id);
  await auditUserChange(trx, scope, before, after, now);
  return {
    resource: userResource(scope, after, stored, groups),
    ...(deactivated ? { endedUserId: id } : {}),
  };
}

async function upsertAttributes(trx: Db, userId: string, attributes: Json): Promise<void> {
  const text = JSON.stringify(attributes);
  await trx
    .insertInto('scim_user_attributes')
    .values({ user_id: userId, attributes: text })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ attributes: text }))
    .execute();
}

const auditedColumns = [
  ['username', 'username'],
  ['display_name', 'displayName'],
  ['email', 'email'],
  ['role', 'role'],
  ['municipality_ids', 'municipalityIds'],
] as const;

/** One audit entry per kind of change (disable/enable, role, the rest). */
async function auditUserChange(
  trx: Db,
  scope: ScimScope,
  before: UserRow,
  after: UserRow,
  now: Date,
): Promise<void> {
  const actor = scimActor(scope.provider);
  const wasDisabled = Number(before.disabled) !== 0;
  const isDisabled = Number(after.disabled) !== 0;
  if (wasDisabled !== isDisabled) {
    await recordAudit(
      trx,
      {
        actor,
        action: isDisabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: after.id,
        summary: `${isDisabled ? 'Disabled' : 'Enabled'} ${after.username} by SCIM${isDisabled ? '; signed out everywhere' : ''}`,
        details: { source: 'scim', provider: scope.provider.id },
      },
      now,
    );
  }
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [column, name] of auditedColumns) {
    if (before[column] !== after[column]) {
      const decode = (v: unknown) => (column === 'municipality_ids' ? JSON.parse(String(v)) : v);
      changed[name] = { from: decode(before[column]), to: decode(after[column]) };
    }
  }
  if (Object.keys(changed).length === 0) return;
  const roleChanged = 'role' in changed;
  await recordAudit(
    trx,
    {
      actor,
      action: roleChanged ? 'user.role' : 'user.update',
      targetType: 'user',
      targetId: after.id,
      summary: roleChanged
        ? `Role of ${after.username} changed from ${before.role} to ${after.role} by SCIM groups`
        : `Updated ${after.username} by SCIM (${Object.keys(changed).join(', ')})`,
      details: { source: 'scim', provider: scope.provider.id, changed },
    },
    now,
  );
}

/** Deletes an account as far as SCIM goes: disabled, signed out, renamed, out of its groups. */
export async function deleteScimUser(
  trx: Transaction<Database>,
  scope: ScimScope,
  id: string,
  now: Date,
): Promise<void> {
  const before = await scopedUserRow(trx, scope, id);
  await trx
    .updateTable('users')
    .set({
      username: `${deletedPrefix}${id}`,
      disabled: 1,
      external_id: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('scim_user_attributes').where('user_id', '=', id).execute();
  await trx.deleteFrom('scim_group_members').where('user_id', '=', id).execute();
  await deleteSessionsOf(trx, id);
  await recordAudit(
    trx,
    {
      actor: scimActor(scope.provider),
      action: 'user.delete',
      targetType: 'user',
      targetId: id,
      summary: `Deleted ${before.username} by SCIM: disabled and signed out; kept for the cases that name it`,
      details: { source: 'scim', provider: scope.provider.id, username: before.username },
    },
    now,
  );
}

// ---------------------------------------------------------------- groups

const groupNames = (groups: readonly GroupRef[]) =>
  groups.flatMap((g) => [g.displayName, g.id, ...(g.externalId ? [g.externalId] : [])]);

interface GroupRow {
  id: string;
  provider_id: string;
  display_name: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

async function membersOf(db: Db, groupIds: string[]) {
  const found = new Map<string, { value: string; display: string }[]>();
  if (groupIds.length === 0) return found;
  const rows = await db
    .selectFrom('scim_group_members')
    .innerJoin('users', 'users.id', 'scim_group_members.user_id')
    .select(['scim_group_members.group_id', 'users.id', 'users.display_name'])
    .where('scim_group_members.group_id', 'in', groupIds)
    .orderBy('users.id')
    .execute();
  for (const row of rows) {
    const list = found.get(row.group_id) ?? [];
    list.push({ value: row.id, display: row.display_name });
    found.set(row.group_id, list);
  }
  return found;
}

function groupResource(
  scope: ScimScope,
  row: GroupRow,
  members: { value: string; display: string }[],
): Json {
  return {
    schemas: [groupSchemaUrn],
    id: row.id,
    displayName: row.display_name,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    members: members.map((m) => ({ ...m, $ref: `${scope.base}/Users/${m.value}` })),
    meta: {
      resourceType: 'Group',
      created: row.created_at,
      lastModified: row.updated_at,
      location: `${scope.base}/Groups/${row.id}`,
    },
  };
}

export async function findScimGroups(
  db: Db,
  scope: ScimScope,
  filter: ScimFilter | undefined,
): Promise<Json[]> {
  let query = db.selectFrom('scim_groups').selectAll().where('provider_id', '=', scope.provider.id);
  for (const { path, value } of filter ? requiredEqualities(filter) : []) {
    if (typeof value !== 'string') continue;
    if (path.toLowerCase() === 'id') query = query.where('id', '=', value);
    if (path.toLowerCase() === 'displayname' && asciiOnly(value)) {
      query = query.where(sql`lower(display_name)`, '=', value.trim().toLowerCase());
    }
  }
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  const resources = rows.map((r) => groupResource(scope, r, members.get(r.id) ?? []));
  return filter ? resources.filter((r) => matchesScimFilter(r, filter)) : resources;
}

async function scopedGroupRow(db: Db, scope: ScimScope, id: string): Promise<GroupRow> {
  const row = await db
    .selectFrom('scim_groups')
    .selectAll()
    .where('provider_id', '=', scope.provider.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ScimError(404, `Groups/${id}: no such group`);
  return row;
}

export async function getScimGroup(db: Db, scope: ScimScope, id: string): Promise<Json> {
  const row = await scopedGroupRow(db, scope, id);
  const members = await membersOf(db, [id]);
  return groupResource(scope, row, members.get(id) ?? []);
}

interface GroupFields {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

function groupFields(doc: Json): GroupFields {
  const key = (name: string) => Object.keys(doc).find((k) => k.toLowerCase() === name);
  const displayName = doc[key('displayname') ?? 'displayName'];
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    throw invalidValue('displayName', 'is required');
  }
  if (displayName.length > 200) throw invalidValue('displayName', 'must be at most 200 characters');
  const externalId = doc[key('externalid') ?? 'externalId'];
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') {
    throw invalidValue('externalId', 'must be a text');
  }
  const members = doc[key('members') ?? 'members'] ?? [];
  if (!Array.isArray(members)) throw invalidValue('members', 'must be a list');
  const memberIds = members.map((m, i) => {
    const value = isJsonObject(m) ? m.value : undefined;
    if (typeof value !== 'string' || value === '') {
      throw invalidValue(`members[${i}].value`, 'must be the id of a user');
    }
    return value;
  });
  return {
    displayName: displayName.trim(),
    externalId: externalId || null,
    memberIds: [...new Set(memberIds)],
  };
}

async function assertMembersKnown(trx: Db, scope: ScimScope, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await scopedUsers(trx, scope.provider.id)
    .clearSelect()
    .select('id')
    .where('id', 'in', ids)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown !== -1) {
    throw invalidValue(`members[${unknown}].value`, `no user "${ids[unknown]}" of this provider`);
  }
}

async function assertGroupNameFree(trx: Db, scope: ScimScope, name: string, exceptId?: string) {
  let query = trx
    .selectFrom('scim_groups')
    .select('id')
    .where('provider_id', '=', scope.provider.id)
    .where('display_name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new ScimError(409, `displayName: a group "${name}" exists already`, 'uniqueness');
  }
}

/** The users whose role the change may have moved; returns who lost every session. */
async function recomputeRoles(
  trx: Transaction<Database>,
  scope: ScimScope,
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...new Set(userIds)];
  const rows = await scopedUsers(trx, scope.provider.id).where('id', 'in', ids).execute();
  const [attributes, groups] = await Promise.all([
    attributesOfUsers(trx, ids),
    groupsOfUsers(trx, ids),
  ]);
  for (const row of rows) {
    const stored = attributes.get(row.id) ?? {};
    const role = roleOfGroups(scope.provider, groupNames(groups.get(row.id) ?? []), stored);
    if (role === row.role) continue;
    const old = toStoredUser(row);
    const municipality = municipalityOf(scope.provider, stored) ?? old.municipalityIds[0] ?? null;
    const after: UserRow = {
      ...row,
      role,
      municipality_ids: JSON.stringify(municipalityIdsFor(role, municipality)),
      updated_at: now.toISOString(),
    };
    await trx
      .updateTable('users')
      .set({ role, municipality_ids: after.municipality_ids, updated_at: after.updated_at })
      .where('id', '=', row.id)
      .execute();
    await auditUserChange(trx, scope, row, after, now);
  }
}

async function auditGroup(
  trx: Db,
  scope: ScimScope,
  action: string,
  group: { id: string; displayName: string },
  details: Record<string, unknown>,
  now: Date,
) {
  await recordAudit(
    trx,
    {
      actor: scimActor(scope.provider),
      action,
      targetType: 'group',
      targetId: group.id,
      summary: `${action.replace('group.', 'Group ')}: ${group.displayName} (SCIM ${scope.provider.name})`,
      details: { source: 'scim', provider: scope.provider.id, ...details },
    },
    now,
  );
}

export async function createScimGroup(
  trx: Transaction<Database>,
  scope: ScimScope,
  doc: Json,
  now: Date,
): Promise<Json> {
  const fields = groupFields(doc);
  await assertGroupNameFree(trx, scope, fields.displayName);
  await assertMembersKnown(trx, scope, fields.memberIds);
  const at = now.toISOString();
  const row: GroupRow = {
    id: randomUUID(),
    provider_id: scope.provider.id,
    display_name: fields.displayName,
    external_id: fields.externalId,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('scim_groups').values(row).execute();
  if (fields.memberIds.length > 0) {
    await trx
      .insertInto('scim_group_members')
      .values(fields.memberIds.map((user_id) => ({ group_id: row.id, user_id })))
      .execute();
  }
  await auditGroup(
    trx,
    scope,
    'group.create',
    { id: row.id, displayName: row.display_name },
    { members: fields.memberIds.length },
    now,
  );
  // The first group of a provider makes groups decide roles for all its users.
  const everyone = await scopedUsers(trx, scope.provider.id).clearSelect().select('id').execute();
  await recomputeRoles(
    trx,
    scope,
    everyone.map((u) => u.id),
    now,
  );
  return getScimGroup(trx, scope, row.id);
}

/** Replaces a group (PUT, and PATCH after the operations are applied). */
export async function writeScimGroup(
  trx: Transaction<Database>,
  scope: ScimScope,
  id: string,
  doc: Json,
  now: Date,
): Promise<Json> {
  const before = await scopedGroupRow(trx, scope, id);
  const fields = groupFields(doc);
  if (fields.displayName !== before.display_name) {
    await assertGroupNameFree(trx, scope, fields.displayName, id);
  }
  await assertMembersKnown(trx, scope, fields.memberIds);
  const oldMembers = ((await membersOf(trx, [id])).get(id) ?? []).map((m) => m.value);
  const added = fields.memberIds.filter((m) => !oldMembers.includes(m));
  const removed = oldMembers.filter((m) => !fields.memberIds.includes(m));
  await trx
    .updateTable('scim_groups')
    .set({
      display_name: fields.displayName,
      external_id: fields.externalId,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  if (removed.length > 0) {
    await trx
      .deleteFrom('scim_group_members')
      .where('group_id', '=', id)
      .where('user_id', 'in', removed)
      .execute();
  }
  if (added.length > 0) {
    await trx
      .insertInto('scim_group_members')
      .values(added.map((user_id) => ({ group_id: id, user_id })))
      .execute();
  }
  const renamed = fields.displayName !== before.display_name;
  if (
    renamed ||
    added.length > 0 ||
    removed.length > 0 ||
    fields.externalId !== before.external_id
  ) {
    await auditGroup(
      trx,
      scope,
      'group.update',
      { id, displayName: fields.displayName },
      {
        ...(renamed ? { displayName: { from: before.display_name, to: fields.displayName } } : {}),
        added,
        removed,
      },
      now,
    );
  }
  await recomputeRoles(
    trx,
    scope,
    renamed ? [...oldMembers, ...added] : [...added, ...removed],
    now,
  );
  return getScimGroup(trx, scope, id);
}

export async function deleteScimGroup(
  trx: Transaction<Database>,
  scope: ScimScope,
  id: string,
  now: Date,
): Promise<void> {
  const before = await scopedGroupRow(trx, scope, id);
  const members = ((await membersOf(trx, [id])).get(id) ?? []).map((m) => m.value);
  await trx.deleteFrom('scim_group_members').where('group_id', '=', id).execute();
  await trx.deleteFrom('scim_groups').where('id', '=', id).execute();
  await auditGroup(
    trx,
    scope,
    'group.delete',
    { id, displayName: before.display_name },
    { members: members.length },
    now,
  );
  await recomputeRoles(trx, scope, members, now);
}
