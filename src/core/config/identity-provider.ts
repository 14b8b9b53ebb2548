import { z } from 'zod';
import { configIdSchema } from './municipality-config';

/**
 * The municipalities' own identity providers (OpenID Connect), `identityProviders` in the
 * configuration file. Deployments depend on these field names (issue 12's contract): `id`,
 * `name`, `issuer`, `clientId`, `clientSecretEnv`, `municipalities`, `roles {claim, map}`;
 * `tenant`, `scopes`, `claims` and `scimTokenEnv` are optional.
 *
 * The redirect URI to register at the provider is `<server origin>/api/v1/auth/oidc/<id>/callback`.
 */

/** The roles a provider's group or app role may give; everyone else is a requester. */
export const staffRoles = ['agent', 'consultant', 'senior', 'teamLeader', 'admin'] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** A name of an environment variable (where a secret is, never the secret itself). */
const envNameSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'must be the name of an environment variable, e.g. "MOLDE_OIDC_SECRET"',
  );

const claimNameSchema = z.string().trim().min(1, 'must name a claim').max(200);

/**
 * The issuer: https, or plain http only on the loopback address (a provider on this machine:
 * the tests and the `npm start` demo). A secret must never travel in clear over a network.
 */
export const issuerSchema = z
  .url({ protocol: /^https?$/, error: 'must be an https URL' })
  .refine(
    (value) =>
      value.startsWith('https://') ||
      /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(value),
    'must be an https URL (plain http only on 127.0.0.1, localhost or [::1])',
  );

/** Which claim holds the user's groups or app roles, and which values make a user staff. */
export const roleMappingSchema = z.strictObject({
  /** e.g. "groups" (Entra ID group object ids) or "roles" (app roles). */
  claim: claimNameSchema.default('groups'),
  /** Group or app-role value → role. A user with several gets the strongest (admin first). */
  map: z.record(z.string().min(1), staffRoleSchema).default({}),
});

/**
 * One shared tenant for several municipalities: the claim (e.g. Entra ID's `tid`, or an
 * attribute such as `extension_kommune`) whose value says the user's municipality.
 */
export const tenantMappingSchema = z.strictObject({
  claim: claimNameSchema,
  /** Claim value → municipality id (one of the provider's `municipalities`). */
  map: z.record(z.string().min(1), configIdSchema),
});

/** Claims read for the account; the defaults are the standard OpenID Connect ones. */
export const claimNamesSchema = z.strictObject({
  /** The person's id at the provider: `sub`, or Entra ID's `oid` (the same id SCIM sends). */
  subject: claimNameSchema.default('sub'),
  name: claimNameSchema.default('name'),
  email: claimNameSchema.default('email'),
  username: claimNameSchema.default('preferred_username'),
});

export const identityProviderSchema = z.strictObject({
  /** Stable kebab-case id: in the redirect URI, on every account it made. */
  id: configIdSchema,
  /** Shown on the sign-in button, e.g. "Molde kommune". */
  name: z.string().trim().min(1, 'must not be empty').max(200),
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, 'must not be empty').max(500),
  /** The environment variable holding the client secret. */
  clientSecretEnv: envNameSchema,
  /** Municipality ids the provider covers (one, or several with `tenant`). */
  municipalities: z.array(configIdSchema).min(1, 'must cover at least one municipality'),
  roles: roleMappingSchema.default({ claim: 'groups', map: {} }),
  /** Required when the provider covers more than one municipality. */
  tenant: tenantMappingSchema.optional(),
  /** Scopes asked for; `openid` is always among them. */
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token'))
    .default(['openid', 'profile', 'email']),
  claims: claimNamesSchema.default({
    subject: 'sub',
    name: 'name',
    email: 'email',
    username: 'preferred_username',
  }),
  /** SCIM 2.0 provisioning for this provider: the environment variable of its bearer secret. */
  scimTokenEnv: envNameSchema.optional(),
});
export type IdentityProviderConfig = z.infer<typeof identityProviderSchema>;
export type IdentityProviderConfigInput = z.input<typeof identityProviderSchema>;

/**
 * Checks across the list and against the municipalities (called from the service schema's
 * refinement): unique ids, known municipalities, a tenant claim where one provider covers
 * several, tenant values only of the provider's municipalities.
 */
export function identityProviderIssues(
  providers: readonly IdentityProviderConfig[],
  municipalityIds: readonly string[],
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const known = new Set(municipalityIds);
  providers.forEach((provider, i) => {
    const at = (...rest: (string | number)[]) => ['identityProviders', i, ...rest];
    if (providers.findIndex((p) => p.id === provider.id) !== i) {
      issues.push({ path: at('id'), message: `duplicate identity provider id "${provider.id}"` });
    }
    provider.municipalities.forEach((id, j) => {
      if (!known.has(id)) {
        issues.push({ path: at('municipalities', j), message: `unknown municipality "${id}"` });
      }
    });
    if (provider.municipalities.length > 1 && !provider.tenant) {
      issues.push({
        path: at('tenant'),
        message:
          'is required when a provider covers several municipalities (the claim that says which one a user belongs to)',
      });
    }
    for (const [value, municipality] of Object.entries(provider.tenant?.map ?? {})) {
      if (!provider.municipalities.includes(municipality)) {
        issues.push({
          path: at('tenant', 'map', value),
          message: `"${municipality}" is not among this provider's municipalities`,
        });
      }
    }
    if (!provider.scopes.includes('openid')) {
      issues.push({ path: at('scopes'), message: 'must include "openid"' });
    }
  });
  return issues;
}

/** The redirect URI to register at the provider. */
export function oidcCallbackPath(providerId: string): string {
  return `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/callback`;
}
