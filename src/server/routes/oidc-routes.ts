/** Single sign-on with the municipalities' identity providers (see auth/oidc/oidc-sign-in.ts). */

import {
  exchangeSsoHandoff,
  listIdentityProviders,
  ssoCallback,
  ssoSignOutUrl,
  startSsoSignIn,
} from '@core/api';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import {
  checkProviderSecrets,
  createOidcProviders,
  type OidcProviders,
} from '../auth/oidc/oidc-clients';
import { OidcSignIn } from '../auth/oidc/oidc-sign-in';
import type { AppEnv, AppRouter } from '../http/app-env';
import { mountRoute } from '../http/contract-route';
import type { ServerContext } from '../server-context';

function clientAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/**
 * The origin the provider and the browser know this server by: SAKSBORD_PUBLIC_URL when the
 * server is behind a proxy that changes it, else the request's own.
 */
function serverOrigin(c: Context<AppEnv>): string {
  const configured = process.env.SAKSBORD_PUBLIC_URL;
  return configured ? new URL(configured).origin : new URL(c.req.url).origin;
}

/**
 * Mounts the routes. A provider whose secret is missing from the environment stops start-up
 * here, with one line naming the field (`configuration: identityProviders[0].clientSecretEnv:
 * environment variable MOLDE_OIDC_SECRET is not set`).
 */
export function mountOidcRoutes(
  app: AppRouter,
  ctx: ServerContext,
  env: Readonly<Record<string, string | undefined>> = process.env,
): OidcSignIn {
  checkProviderSecrets(ctx.config, env, 'configuration');
  const providers: OidcProviders = createOidcProviders(ctx.config.identityProviders, env);
  const sso = new OidcSignIn(ctx, providers);
  const municipalityName = new Map(ctx.config.municipalities.map((m) => [m.id, m.name]));

  mountRoute(app, ctx, listIdentityProviders, ({ reply }) =>
    reply(200, {
      providers: providers.list().map((p) => ({
        id: p.id,
        name: p.name,
        municipalities: p.municipalities.map((id) => ({
          id,
          name: municipalityName.get(id) ?? id,
        })),
      })),
    }),
  );

  mountRoute(app, ctx, startSsoSignIn, async ({ c, params, body, reply }) => {
    const authorizationUrl = await sso.start(params.id, body, serverOrigin(c));
    return reply(200, { authorizationUrl }, { 'cache-control': 'no-store' });
  });

  mountRoute(app, ctx, ssoCallback, async ({ c, params }) => {
    const location = await sso.callback(params.id, new URL(c.req.url), clientAddress(c));
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.redirect(location, 302);
  });

  mountRoute(app, ctx, exchangeSsoHandoff, async ({ body, reply }) =>
    reply(200, await sso.exchange(body), { 'cache-control': 'no-store' }),
  );

  mountRoute(app, ctx, ssoSignOutUrl, async ({ c, query, reply }) => {
    const { tokenHash } = c.get('session');
    return reply(200, await sso.signOutUrl(tokenHash, query.returnTo, serverOrigin(c)));
  });

  return sso;
}
