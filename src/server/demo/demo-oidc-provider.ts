/**
 * A real OpenID provider on loopback (`oidc-provider`, a certified implementation) with its
 * own login pages: `npm start` runs one with the demo users below, and the tests run one to
 * sign in through for real. It speaks the protocol the municipalities' Entra ID tenants
 * speak for Saksbord: authorization code + PKCE, ID tokens signed RS256 with `groups` and
 * `tid` claims, discovery, JWKS and RP-initiated sign-out (end_session_endpoint).
 *
 * Its login page is the library's development page: it takes the demo user's login name and
 * any password. It never runs anywhere but 127.0.0.1. (`oidc-provider` is a development
 * dependency: this module is for `npm start` and the tests only.)
 */
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person at the demo provider: the login name is the subject. */
export interface DemoOidcUser {
  login: string;
  name: string;
  email: string;
  /** Group ids (as Entra ID sends object ids). */
  groups: string[];
  /** The tenant (Entra ID's `tid`), for a provider shared by several municipalities. */
  tid?: string;
}

export interface DemoOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

/** Rewrites the token endpoint's JSON answer (tests tamper with the ID token through it). */
export type TokenAnswerFilter = (answer: Record<string, unknown>) => Record<string, unknown>;

export interface RunningOidcProvider {
  issuer: string;
  /** The key the provider signs with, and its id (tests re-sign tokens to test the checks). */
  signingKey: { key: KeyObject; kid: string };
  setTokenAnswerFilter(filter: TokenAnswerFilter | null): void;
  /** Replaces the users (a test moves someone out of a group). */
  setUsers(users: readonly DemoOidcUser[]): void;
  close(): Promise<void>;
}

/**
 * The demo: one tenant shared by Molde and Aukra (told apart by `tid`), with a requester, a
 * line-1 agent and a line-2 consultant in each. `demoOidcGroups` are the group ids the
 * demo configuration maps to roles.
 */
export const demoOidcGroups = {
  agents: 'grp-brukarstotte-linje1',
  consultants: 'grp-ikt-konsulentar',
  teamLeaders: 'grp-teamleiarar',
  admins: 'grp-saksbord-admin',
} as const;
export const demoOidcTenants = { molde: 'tid-molde-kommune', aukra: 'tid-aukra-kommune' } as const;

export const demoOidcUsers: readonly DemoOidcUser[] = [
  {
    login: 'ingrid.molde',
    name: 'Ingrid Aas',
    email: 'ingrid.aas@molde.kommune.example',
    groups: [],
    tid: demoOidcTenants.molde,
  },
  {
    login: 'per.molde',
    name: 'Per Brekke',
    email: 'per.brekke@molde.kommune.example',
    groups: [demoOidcGroups.agents],
    tid: demoOidcTenants.molde,
  },
  {
    login: 'siri.molde',
    name: 'Siri Dahl',
    email: 'siri.dahl@molde.kommune.example',
    groups: [demoOidcGroups.consultants],
    tid: demoOidcTenants.molde,
  },
  {
    login: 'olav.aukra',
    name: 'Olav Eide',
    email: 'olav.eide@aukra.kommune.example',
    groups: [],
    tid: demoOidcTenants.aukra,
  },
  {
    login: 'marit.aukra',
    name: 'Marit Fjeld',
    email: 'marit.fjeld@aukra.kommune.example',
    groups: [demoOidcGroups.consultants],
    tid: demoOidcTenants.aukra,
  },
];

export async function startOidcProvider(options: {
  users: readonly DemoOidcUser[];
  clients: readonly DemoOidcClient[];
  host?: string;
  port?: number;
}): Promise<RunningOidcProvider> {
  const host = options.host ?? '127.0.0.1';
  let users = new Map(options.users.map((u) => [u.login, u]));
  let filter: TokenAnswerFilter | null = null;
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;

  const server = createServer((req, res) => {
    if (filter && req.method === 'POST' && req.url?.split('?')[0] === '/token') {
      const rewrite = filter;
      const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
      res.end = ((chunk?: unknown) => {
        try {
          const answer = JSON.parse(String(chunk)) as Record<string, unknown>;
          const text = JSON.stringify(rewrite(answer));
          res.setHeader('content-length', Buffer.byteLength(text));
          return end(text);
        } catch {
          return end(chunk);
        }
      }) as typeof res.end;
    }
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // The ID token carries the profile, e-mail, groups and tenant, as Entra ID's does.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'groups', 'tid'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    findAccount: (_ctx, id) => {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          name: user.name,
          preferred_username: user.login,
          email: user.email,
          groups: user.groups,
          ...(user.tid ? { tid: user.tid } : {}),
        }),
      };
    },
    // A first-party application: no consent page (an Entra ID admin consents for the tenant).
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  // The development login page's warnings are expected here.
  provider.on('server_error', (_ctx, error) => console.error('demo OpenID provider:', error));
  handler = provider.callback();

  return {
    issuer,
    signingKey: { key: privateKey, kid },
    setTokenAnswerFilter(next) {
      filter = next;
    },
    setUsers(next) {
      users = new Map(next.map((u) => [u.login, u]));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
