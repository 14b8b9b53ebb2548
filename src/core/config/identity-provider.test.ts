import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { defaultServiceConfig } from './default-service-config';
import { type IdentityProviderConfigInput, identityProviderSchema } from './identity-provider';
import { identityFromClaims } from './identity-provider-claims';
import { parseServiceConfig } from './parse-service-config';

const molde: IdentityProviderConfigInput = {
  id: 'molde',
  name: 'Molde kommune',
  issuer: 'https://login.microsoftonline.com/tenant-molde/v2.0',
  clientId: 'client-molde',
  clientSecretEnv: 'MOLDE_OIDC_SECRET',
  municipalities: ['molde'],
  roles: {
    claim: 'groups',
    map: { 'g-agents': 'agent', 'g-admins': 'admin', 'g-l2': 'consultant' },
  },
};

const shared: IdentityProviderConfigInput = {
  ...molde,
  id: 'romsdal',
  name: 'Romsdal',
  municipalities: ['molde', 'aukra'],
  tenant: { claim: 'tid', map: { 'tid-molde': 'molde', 'tid-aukra': 'aukra' } },
};

/** The configuration error's one line for these providers, or 'ok'. */
function problemWith(providers: unknown): string {
  try {
    parseServiceConfig(
      JSON.stringify({ ...defaultServiceConfig, identityProviders: providers }),
      'config.json',
    );
    return 'ok';
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

describe('identityProviders in the configuration', () => {
  it.each<[string, unknown, string]>([
    ['one tenant per municipality', [molde], 'ok'],
    ['a shared tenant with a claim', [shared], 'ok'],
    ['loopback http issuer (tests, demo)', [{ ...molde, issuer: 'http://127.0.0.1:4301' }], 'ok'],
    ['SCIM switched on', [{ ...molde, scimTokenEnv: 'MOLDE_SCIM' }], 'ok'],
    [
      'plain http elsewhere',
      [{ ...molde, issuer: 'http://login.example.no' }],
      'config.json: identityProviders[0].issuer: must be an https URL',
    ],
    [
      'missing clientId',
      [{ ...molde, clientId: undefined }],
      'config.json: identityProviders[0].clientId: expected string, got nothing',
    ],
    [
      'a secret where the variable name belongs',
      [{ ...molde, clientSecretEnv: 'hunter2!' }],
      'config.json: identityProviders[0].clientSecretEnv: must be the name of an environment variable',
    ],
    [
      'unknown municipality',
      [{ ...molde, municipalities: ['oslo'] }],
      'config.json: identityProviders[0].municipalities[0]: unknown municipality "oslo"',
    ],
    [
      'several municipalities without a tenant claim',
      [{ ...shared, tenant: undefined }],
      'config.json: identityProviders[0].tenant: is required when a provider covers several',
    ],
    [
      'tenant mapped outside the provider',
      [{ ...shared, tenant: { claim: 'tid', map: { x: 'rauma' } } }],
      'config.json: identityProviders[0].tenant.map.x: "rauma" is not among',
    ],
    [
      'unknown role',
      [{ ...molde, roles: { claim: 'groups', map: { g: 'boss' } } }],
      'config.json: identityProviders[0].roles.map.g:',
    ],
    ['duplicate ids', [molde, molde], 'config.json: identityProviders[1].id: duplicate'],
    ['unknown field', [{ ...molde, secret: 'x' }], 'config.json: identityProviders[0]'],
  ])('%s', (_, providers, expected) => {
    const message = problemWith(providers);
    if (expected === 'ok') expect(message).toBe('ok');
    else {
      expect(message.startsWith(expected), message).toBe(true);
      expect(message).not.toContain('\n');
    }
  });
});

describe('claims to an account', () => {
  const provider = identityProviderSchema.parse(molde);
  const sharedProvider = identityProviderSchema.parse(shared);
  const base = { sub: 's1', name: 'Kari Nordmann', email: 'Kari@Molde.kommune.no' };

  it.each<[string, Record<string, unknown>, object]>([
    [
      'no group: requester of the municipality',
      base,
      { role: 'requester', municipalityIds: ['molde'] },
    ],
    [
      'agent group',
      { ...base, groups: ['g-agents', 'other'] },
      { role: 'agent', municipalityIds: [] },
    ],
    ['strongest wins', { ...base, groups: ['g-agents', 'g-admins'] }, { role: 'admin' }],
    [
      'line-2 consultant of the municipality',
      { ...base, groups: ['g-l2'] },
      { role: 'consultant', municipalityIds: ['molde'] },
    ],
    ['one group as a string', { ...base, groups: 'g-agents' }, { role: 'agent' }],
    ['unmapped groups only', { ...base, groups: ['x', 'y'] }, { role: 'requester' }],
    [
      'username from preferred_username, else e-mail',
      { ...base, preferred_username: 'KNO@molde.kommune.no' },
      {
        username: 'kno@molde.kommune.no',
        email: 'kari@molde.kommune.no',
        displayName: 'Kari Nordmann',
      },
    ],
    [
      'no name: e-mail shown',
      { sub: 's1', email: 'a@b.no' },
      { displayName: 'a@b.no', username: 'a@b.no' },
    ],
    ['nothing but sub', { sub: 's1' }, { username: 's1', email: null, externalId: 's1' }],
  ])('%s', (_, claims, expected) => {
    const outcome = identityFromClaims(provider, claims);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.identity).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, object]>([
    [
      'shared tenant: Aukra',
      { ...base, tid: 'tid-aukra' },
      { ok: true, identity: { municipalityId: 'aukra' } },
    ],
    [
      'shared tenant: unknown',
      { ...base, tid: 'tid-oslo' },
      { ok: false, reason: 'tenantUnknown', value: 'tid-oslo' },
    ],
    ['shared tenant: claim missing', base, { ok: false, reason: 'tenantMissing', claim: 'tid' }],
    [
      'shared tenant: prototype name',
      { ...base, tid: 'constructor' },
      { ok: false, reason: 'tenantUnknown' },
    ],
    ['no subject', { name: 'x', tid: 'tid-molde' }, { ok: false, reason: 'subjectMissing' }],
  ])('%s', (_, claims, expected) => {
    expect(identityFromClaims(sharedProvider, claims)).toMatchObject(expected);
  });
});
