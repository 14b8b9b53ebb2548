/** Accounts: staff and portal users. Passwords are stored only as argon2 hashes. */
import { randomUUID } from 'node:crypto';
import type { PublicUser } from '@core/api';
import { type Role, roleSchema } from '@core/rules';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Database, UserRow } from '../db/schema';

export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityIds: string[];
  disabled: boolean;
  createdAt: string;
  email: string | null;
  source: UserSource;
  providerId: string | null;
  externalId: string | null;
  locale: string | null;
  lastSignInAt: string | null;
  /** False for single-sign-on accounts that have no local password. */
  hasPassword: boolean;
  totpEnabled: boolean;
}

/** Where an account comes from: made here, at a first single sign-on, or by SCIM. */
export type UserSource = 'local' | 'oidc' | 'scim';

function toUserSource(value: string): UserSource {
  return value === 'oidc' || value === 'scim' ? value : 'local';
}

/** The one place a user row is decoded. */
export function toStoredUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: roleSchema.parse(row.role),
    municipalityIds: JSON.parse(row.municipality_ids) as string[],
    disabled: Number(row.disabled) !== 0,
    createdAt: row.created_at,
    email: row.email,
    source: toUserSource(row.source),
    providerId: row.provider_id,
    externalId: row.external_id,
    locale: row.locale,
    lastSignInAt: row.last_sign_in_at,
    hasPassword: row.password_hash !== '',
    totpEnabled: row.totp_secret !== null,
  };
}

/** A user as other users see them (the API's `publicUserSchema`). */
export function publicUser(user: StoredUser): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    municipalityIds: user.municipalityIds,
  };
}

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  role: string;
  municipalityIds?: string[];
  /** Empty for an account that signs in only through its identity provider. */
  password: string;
  email?: string | null;
  source?: UserSource;
  providerId?: string | null;
  externalId?: string | null;
  locale?: string | null;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function createUser(
  db: Kysely<Database>,
  user: NewUser,
  now: Date,
  /** A ready hash, to seed many users without hashing each (demo data). */
  passwordHash?: string,
): Promise<StoredUser> {
  const row: UserRow = {
    id: user.id ?? randomUUID(),
    username: normaliseUsername(user.username),
    display_name: user.displayName,
    role: user.role,
    municipality_ids: JSON.stringify(user.municipalityIds ?? []),
    password_hash: passwordHash ?? (user.password === '' ? '' : await hashPassword(user.password)),
    disabled: 0,
    created_at: now.toISOString(),
    email: user.email ?? null,
    source: user.source ?? 'local',
    provider_id: user.providerId ?? null,
    external_id: user.externalId ?? null,
    locale: user.locale ?? null,
    last_sign_in_at: null,
    password_changed_at: passwordHash || user.password === '' ? null : now.toISOString(),
    totp_secret: null,
    totp_last_step: null,
    updated_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toStoredUser(row);
}

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normaliseUsername(username))
    .executeTakeFirst();
}

export async function findUserById(
  db: Kysely<Database>,
  id: string,
): Promise<StoredUser | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStoredUser(row);
}

export async function listUsers(db: Kysely<Database>): Promise<StoredUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toStoredUser);
}

/** Sets a new password and signs the user out everywhere. Returns false for an unknown user. */
export async function setPassword(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<boolean> {
  const user = await findUserByUsername(db, username);
  if (!user) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  return true;
}

/** Disables (or enables) an account; disabling signs it out everywhere. */
export async function setDisabled(
  db: Kysely<Database>,
  username: string,
  disabled: boolean,
): Promise<boolean> {
  const user = await findUserByUsername(db, username);
  if (!user) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', user.id)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  return true;
}
