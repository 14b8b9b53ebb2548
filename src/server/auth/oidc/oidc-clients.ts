/**
 * The configured identity providers as OpenID clients (`openid-client`, a certified relying
 * party). A provider's metadata is discovered at its first use, not at start-up, so a provider
 * that is down never stops the server: its sign-in answers 503 and the others (and password
 * sign-in) work. A failed discovery is retried at the next sign-in.
 */
import { ConfigError, type IdentityProviderConfig, type ServiceConfig } from '@core/config';
import * as oidc from 'openid-client';

/** The provider did not answer (or answered something that is not OpenID metadata). */
export class ProviderUnavailable extends Error {
  constructor(
    readonly providerId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OidcProviders {
  list(): readonly IdentityProviderConfig[];
  get(id: string): IdentityProviderConfig | undefined;
  /** The discovered client configuration; throws {@link ProviderUnavailable}. */
  configuration(provider: IdentityProviderConfig): Promise<oidc.Configuration>;
}

/** Seconds a provider has to answer discovery and token requests. */
export const providerTimeoutSeconds = 5;

/** Plain http is accepted only for a provider on this machine (the schema checks it too). */
function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Every provider's secret must be in the environment before the server starts: a missing one
 * stops start-up with one line naming the field (`config.json: identityProviders[0]
 * .clientSecretEnv: environment variable MOLDE_OIDC_SECRET is not set`).
 */
export function checkProviderSecrets(
  config: Pick<ServiceConfig, 'identityProviders'>,
  env: Readonly<Record<string, string | undefined>>,
  fileName: string,
): void {
  const issues = config.identityProviders.flatMap((provider, i) =>
    env[provider.clientSecretEnv]
      ? []
      : [
          {
            path: `identityProviders[${i}].clientSecretEnv`,
            message: `environment variable ${provider.clientSecretEnv} is not set`,
          },
        ],
  );
  if (issues.length > 0) throw new ConfigError(fileName, issues);
}

export function createOidcProviders(
  providers: readonly IdentityProviderConfig[],
  env: Readonly<Record<string, string | undefined>>,
): OidcProviders {
  const byId = new Map(providers.map((p) => [p.id, p]));
  const discovered = new Map<string, oidc.Configuration>();
  const pending = new Map<string, Promise<oidc.Configuration>>();

  async function discover(provider: IdentityProviderConfig): Promise<oidc.Configuration> {
    const secret = env[provider.clientSecretEnv];
    if (!secret) {
      throw new ProviderUnavailable(
        provider.id,
        `environment variable ${provider.clientSecretEnv} is not set`,
      );
    }
    const insecure = isLoopbackHttp(provider.issuer);
    try {
      const config = await oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        { client_secret: secret },
        oidc.ClientSecretBasic(secret),
        {
          timeout: providerTimeoutSeconds,
          // The ID token's signature is checked against the provider's JWKS too, not only
          // trusted because it came over TLS from the token endpoint (OIDC Core 3.1.3.7 (6)
          // allows that; we want a tampered token refused wherever it was changed).
          execute: insecure
            ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks]
            : [oidc.enableNonRepudiationChecks],
        },
      );
      config.timeout = providerTimeoutSeconds;
      return config;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ProviderUnavailable(provider.id, `${provider.issuer} did not answer: ${why}`);
    }
  }

  return {
    list: () => providers,
    get: (id) => byId.get(id),
    async configuration(provider) {
      const known = discovered.get(provider.id);
      if (known) return known;
      let running = pending.get(provider.id);
      if (!running) {
        running = discover(provider).finally(() => pending.delete(provider.id));
        pending.set(provider.id, running);
      }
      const config = await running;
      discovered.set(provider.id, config);
      return config;
    },
  };
}
