import { defaultServiceConfig, serviceConfigSchema } from '@core/config';
import { describe, expect, it } from 'vitest';
import { checkProviderSecrets } from './oidc-clients';

const config = serviceConfigSchema.parse({
  ...defaultServiceConfig,
  identityProviders: ['molde', 'aukra'].map((id) => ({
    id,
    name: id,
    issuer: `https://login.example/${id}`,
    clientId: id,
    clientSecretEnv: `${id.toUpperCase()}_SECRET`,
    municipalities: [id],
  })),
});

describe('client secrets must be in the environment at start-up', () => {
  it.each<[string, Record<string, string>, string | null]>([
    ['both set', { MOLDE_SECRET: 'a', AUKRA_SECRET: 'b' }, null],
    [
      'one missing',
      { MOLDE_SECRET: 'a' },
      'config.json: identityProviders[1].clientSecretEnv: environment variable AUKRA_SECRET is not set',
    ],
    [
      'one empty, one missing',
      { MOLDE_SECRET: '' },
      'config.json: identityProviders[0].clientSecretEnv: environment variable MOLDE_SECRET is not set (and 1 more)',
    ],
  ])('%s', (_, env, message) => {
    const run = () => checkProviderSecrets(config, env, 'config.json');
    if (message === null) expect(run).not.toThrow();
    else expect(run).toThrow(message);
  });
});
