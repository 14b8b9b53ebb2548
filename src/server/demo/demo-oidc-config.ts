/**
 * The demo's identity provider in the configuration: one tenant shared by Molde and Aukra
 * (told apart by the `tid` claim), with groups mapped to roles — what `npm start` and the
 * single sign-on browser test run with. See demo-oidc-provider.ts for its users.
 */
import { defaultServiceConfig, type ServiceConfigInput } from '@core/config';
import { type DemoOidcClient, demoOidcGroups, demoOidcTenants } from './demo-oidc-provider';

export const demoOidcProviderId = 'romsdal-demo';
export const demoOidcClientId = 'saksbord-demo';
export const demoOidcSecretEnv = 'SAKSBORD_DEMO_OIDC_SECRET';

/** The default configuration with the demo provider at `issuer`. */
export function demoOidcServiceConfig(issuer: string): ServiceConfigInput {
  return {
    ...defaultServiceConfig,
    identityProviders: [
      {
        id: demoOidcProviderId,
        name: 'Demo-innlogging (Molde og Aukra)',
        issuer,
        clientId: demoOidcClientId,
        clientSecretEnv: demoOidcSecretEnv,
        municipalities: ['molde', 'aukra'],
        tenant: {
          claim: 'tid',
          map: { [demoOidcTenants.molde]: 'molde', [demoOidcTenants.aukra]: 'aukra' },
        },
        roles: {
          claim: 'groups',
          map: {
            [demoOidcGroups.agents]: 'agent',
            [demoOidcGroups.consultants]: 'consultant',
            [demoOidcGroups.teamLeaders]: 'teamLeader',
            [demoOidcGroups.admins]: 'admin',
          },
        },
      },
    ],
  };
}

/** The demo client as registered at the demo provider, for a Saksbord server at `origins`. */
export function demoOidcClient(origins: readonly string[], secret: string): DemoOidcClient {
  return {
    clientId: demoOidcClientId,
    clientSecret: secret,
    redirectUris: origins.map((o) => `${o}/api/v1/auth/oidc/${demoOidcProviderId}/callback`),
    postLogoutRedirectUris: origins.flatMap((o) => [`${o}/`, `${o}/portal/`]),
  };
}
