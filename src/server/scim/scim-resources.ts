/**
 * SCIM User and Group resources (RFC 7643) and what they mean for a Saksbord account: which
 * attributes become columns (userName → username, displayName or the name parts → display
 * name, the primary or work e-mail → email, active → not disabled, preferredLanguage →
 * locale), which municipality the account belongs to, and which role its groups give through
 * the provider's `roles.map`. Pure: no I/O.
 */
import type { IdentityProviderConfig } from '@core/config/identity-provider';
import { roleFromClaims } from '@core/config/identity-provider-claims';
import type { Role } from '@core/rules';
import { invalidValue } from './scim-error';
import { keyOf, valuesAt } from './scim-filter';

export const userSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseUserUrn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const listResponseUrn = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export type Json = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The attributes a client may not set: the server's own (RFC 7643 §3.1), and passwords. */
const serverOwned = new Set(['id', 'meta', 'groups', 'password']);

/** The resource without the attributes the server owns, as stored. */
export function writableAttributes(resource: Json): Json {
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => !serverOwned.has(key.toLowerCase())),
  );
}

const get = (doc: Json, name: string): unknown => {
  const key = keyOf(doc, name);
  return key === undefined ? undefined : doc[key];
};

function optionalText(doc: Json, name: string, max = 500): string | null {
  const value = get(doc, name);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw invalidValue(name, 'must be a text');
  if (value.length > max) throw invalidValue(name, `must be at most ${max} characters`);
  return value.trim() || null;
}

/** `true`/`false`, also as the texts "True"/"False" that some clients send. */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === 'true';
  }
  throw invalidValue(attribute, 'must be true or false');
}

/** What a SCIM User resource says about the account. */
export interface ScimUserFields {
  username: string;
  displayName: string;
  email: string | null;
  externalId: string | null;
  active: boolean;
  locale: 'nn' | 'nb' | 'en' | null;
}

function primaryEmail(doc: Json): string | null {
  const emails = get(doc, 'emails');
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw invalidValue('emails', 'must be a list');
  const items = emails.map((e, i) => {
    if (!isJsonObject(e) || typeof get(e, 'value') !== 'string') {
      throw invalidValue(`emails[${i}].value`, 'must be a text');
    }
    return e;
  });
  const pick =
    items.find((e) => get(e, 'primary') === true || get(e, 'primary') === 'True') ??
    items.find((e) => String(get(e, 'type')).toLowerCase() === 'work') ??
    items[0];
  return pick ? (get(pick, 'value') as string).trim().toLowerCase() || null : null;
}

function localeOf(doc: Json): ScimUserFields['locale'] {
  const value = (
    optionalText(doc, 'preferredLanguage') ?? optionalText(doc, 'locale')
  )?.toLowerCase();
  if (!value) return null;
  if (value.startsWith('nn')) return 'nn';
  if (value.startsWith('nb') || value.startsWith('no')) return 'nb';
  if (value.startsWith('en')) return 'en';
  return null;
}

/** Reads and checks a User resource; a 400 names the attribute at fault. */
export function userFields(doc: Json): ScimUserFields {
  const username = optionalText(doc, 'userName', 200);
  if (!username) throw invalidValue('userName', 'is required');
  const name = get(doc, 'name');
  if (name !== undefined && name !== null && !isJsonObject(name)) {
    throw invalidValue('name', 'must be an object');
  }
  const parts = isJsonObject(name)
    ? [optionalText(name, 'givenName'), optionalText(name, 'familyName')].filter(Boolean)
    : [];
  const formatted = isJsonObject(name) ? optionalText(name, 'formatted') : null;
  const displayName =
    optionalText(doc, 'displayName', 200) ??
    formatted ??
    (parts.length > 0 ? parts.join(' ') : null) ??
    username;
  const active = get(doc, 'active');
  return {
    username: username.toLowerCase(),
    displayName,
    email: primaryEmail(doc),
    externalId: optionalText(doc, 'externalId'),
    active: active === undefined || active === null ? true : scimBoolean(active, 'active'),
    locale: localeOf(doc),
  };
}

/**
 * The municipality of a provisioned account: the provider's own, or — for a provider of
 * several — the tenant attribute (the claim's name, looked up among the resource's
 * attributes and extensions) mapped by `tenant.map`. None when it cannot be told.
 */
export function municipalityOf(provider: IdentityProviderConfig, doc: Json): string | null {
  if (provider.municipalities.length === 1) return provider.municipalities[0] ?? null;
  const tenant = provider.tenant;
  if (!tenant) return null;
  const candidates = [
    ...valuesAt(doc, tenant.claim),
    ...Object.entries(doc)
      .filter(([k, v]) => /^urn:/i.test(k) && isJsonObject(v))
      .flatMap(([, v]) => valuesAt(v, tenant.claim)),
  ];
  for (const value of candidates) {
    if (typeof value === 'string' && Object.hasOwn(tenant.map, value)) {
      return tenant.map[value] ?? null;
    }
  }
  return null;
}

/**
 * The role a provisioned account's groups (their displayName, id or externalId) and app roles
 * (`roles[].value`) give through the provider's `roles.map`: the strongest, requester
 * without one.
 */
export function roleOfGroups(
  provider: IdentityProviderConfig,
  groupNames: readonly string[],
  doc: Json,
): Role {
  const roles = valuesAt(doc, 'roles').map((r) => (isJsonObject(r) ? r.value : r));
  const values = [...groupNames, ...roles.filter((r): r is string => typeof r === 'string')];
  return roleFromClaims(provider.roles, { [provider.roles.claim]: values }).role;
}

/** Municipalities as an account of `role` stores them (requesters and consultants only). */
export function municipalityIdsFor(role: Role, municipality: string | null): string[] {
  return municipality && (role === 'requester' || role === 'consultant') ? [municipality] : [];
}

export interface ScimMeta {
  resourceType: 'User' | 'Group';
  created: string;
  lastModified: string;
  location: string;
}

/** A list answer (RFC 7644 §3.4.2). */
export function listResponse(resources: Json[], total: number, startIndex: number): Json {
  return {
    schemas: [listResponseUrn],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** Leaves out what `excludedAttributes` names (only top-level names; `id` always stays). */
export function withoutExcluded(resource: Json, excluded: string | undefined): Json {
  if (!excluded) return resource;
  const names = new Set(excluded.split(',').map((n) => n.trim().toLowerCase()));
  names.delete('id');
  names.delete('schemas');
  return Object.fromEntries(Object.entries(resource).filter(([k]) => !names.has(k.toLowerCase())));
}
