import type { Role } from '../rules/actor';
import type { IdentityProviderConfig, StaffRole } from './identity-provider';

/**
 * From a verified ID token's claims to the account Saksbord keeps: who (the provider's
 * subject), the name, e-mail and username to show, the municipality (the provider's own, or
 * the shared tenant's claim mapped), and the role (the strongest mapped group or app role;
 * requester without one). The caller has already checked issuer, audience, signature, expiry
 * and nonce; this decides only what the claims mean.
 */

/** An account as a provider describes it at a sign-in. */
export interface SsoIdentity {
  /** The provider's subject (`sub`): with the provider id, who this is for ever. */
  externalId: string;
  username: string;
  displayName: string;
  email: string | null;
  municipalityId: string;
  role: Role;
  /** As an account stores them: the municipality for requesters and consultants, else none. */
  municipalityIds: string[];
  /** Mapped values found (for the audit log): which groups made the role. */
  matchedGroups: string[];
}

/** Why a verified token still does not make an account. */
export type SsoRefusal =
  | { reason: 'subjectMissing' }
  /** The shared tenant's claim is absent. */
  | { reason: 'tenantMissing'; claim: string }
  /** The claim names a tenant no municipality is mapped to. */
  | { reason: 'tenantUnknown'; claim: string; value: string };

export type SsoClaimsOutcome = { ok: true; identity: SsoIdentity } | ({ ok: false } & SsoRefusal);

/** Strongest first: a user in both the agents' and the admins' group is an admin. */
const strength: readonly StaffRole[] = ['admin', 'teamLeader', 'senior', 'consultant', 'agent'];

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A claim as a list of values: an array of strings, or one string. */
function values(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== null);
  const one = text(value);
  return one === null ? [] : [one];
}

/** The strongest role the mapped values give, and the values that matched. */
export function roleFromClaims(
  mapping: IdentityProviderConfig['roles'],
  claims: Readonly<Record<string, unknown>>,
): { role: Role; matched: string[] } {
  const found = values(claims[mapping.claim]);
  const matched = found.filter((v) => Object.hasOwn(mapping.map, v));
  const mapped = new Set(matched.map((v) => mapping.map[v]));
  const role = strength.find((r) => mapped.has(r)) ?? 'requester';
  return { role, matched };
}

export function identityFromClaims(
  provider: IdentityProviderConfig,
  claims: Readonly<Record<string, unknown>>,
): SsoClaimsOutcome {
  const sub = text(claims[provider.claims.subject]);
  if (sub === null) return { ok: false, reason: 'subjectMissing' };

  let municipalityId: string;
  if (provider.tenant) {
    const value = text(claims[provider.tenant.claim]);
    if (value === null) return { ok: false, reason: 'tenantMissing', claim: provider.tenant.claim };
    const mapped = Object.hasOwn(provider.tenant.map, value)
      ? provider.tenant.map[value]
      : undefined;
    if (mapped === undefined || !provider.municipalities.includes(mapped)) {
      return { ok: false, reason: 'tenantUnknown', claim: provider.tenant.claim, value };
    }
    municipalityId = mapped;
  } else {
    // The schema requires a tenant claim for a provider of several municipalities.
    municipalityId = provider.municipalities[0] as string;
  }

  const { role, matched } = roleFromClaims(provider.roles, claims);
  const email = text(claims[provider.claims.email]);
  const username = (text(claims[provider.claims.username]) ?? email ?? sub).toLowerCase();
  const displayName = text(claims[provider.claims.name]) ?? email ?? username;
  return {
    ok: true,
    identity: {
      externalId: sub,
      username,
      displayName,
      email: email?.toLowerCase() ?? null,
      municipalityId,
      role,
      municipalityIds: role === 'requester' || role === 'consultant' ? [municipalityId] : [],
      matchedGroups: matched,
    },
  };
}
