/**
 * How the portal signs a requester in. The portal only ever needs a bearer token for the
 * server's API and the user behind it; how that token is obtained is the provider's business.
 *
 * Today: `PasswordAuthProvider` (username + password → `POST /api/v1/auth/sign-in`).
 *
 * Adding OpenID Connect later (the municipalities' single sign-on):
 * 1. The server gets `GET /api/v1/auth/oidc/start` (redirects to the identity provider with
 *    state + PKCE) and `GET /api/v1/auth/oidc/callback` (exchanges the code, maps the ID
 *    token's claims to a requester account, and redirects back to `/portal/#token=…`, or sets
 *    a one-time code the portal trades for a token).
 * 2. The portal gets an `OidcAuthProvider` with `kind: 'redirect'`: `beginSignIn()` navigates
 *    to the start URL, and `restore()` picks the token up from the callback and calls
 *    `/api/v1/auth/me` just as the password provider does.
 * 3. `SignInPage` renders a "Logg inn med kommunekontoen" button for `kind: 'redirect'`
 *    providers instead of the username/password form. Nothing else in the portal changes.
 */

/** The signed-in user as `/api/v1/auth/me` and sign-in return it. */
export interface PortalUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  municipalityIds: string[];
}

export interface PortalSession {
  token: string;
  expiresAt: string;
  user: PortalUser;
}

/** Why signing in did not work, for the message the sign-in page shows. */
export type SignInFailure = 'wrong' | 'tooMany' | 'notRequester' | 'failed';

export type SignInOutcome =
  | { ok: true; session: PortalSession }
  | { ok: false; reason: SignInFailure };

/** What every way of signing in provides. */
export interface AuthProviderBase {
  /** A session kept from before (a reload, or the return from an identity provider). */
  restore(): Promise<PortalSession | null>;
  signOut(session: PortalSession): Promise<void>;
  /**
   * Calls `onSignedOut` when the session ends in another tab of this browser (signed out
   * there), so this tab stops too. Returns the unsubscribe function.
   */
  watch?(onSignedOut: () => void): () => void;
  /** The session is in use in this tab: a provider that drops idle sessions keeps this one. */
  keepAlive?(): void;
}

/** Username and password typed into the portal. */
export interface CredentialsAuthProvider extends AuthProviderBase {
  kind: 'credentials';
  signIn(username: string, password: string): Promise<SignInOutcome>;
}

/** Sign-in elsewhere (OpenID Connect): the portal navigates away and comes back signed in. */
export interface RedirectAuthProvider extends AuthProviderBase {
  kind: 'redirect';
  /** The button's text, e.g. "Logg inn med kommunekontoen". */
  label: string;
  beginSignIn(): void;
}

export type AuthProvider = CredentialsAuthProvider | RedirectAuthProvider;

/** Only requesters use the portal; staff have the workstation. */
export function isPortalUser(user: PortalUser): boolean {
  return user.role === 'requester';
}
