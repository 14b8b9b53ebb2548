/**
 * How the portal signs a requester in. The portal only ever needs a bearer token for the
 * server's API and the user behind it; how that token is obtained is the provider's business.
 *
 * `PasswordAuthProvider`: username + password → `POST /api/v1/auth/sign-in`, and, where the
 * server has identity providers, `sso` ("Logg inn med kommunen din"): the portal goes to the
 * municipality's provider and comes back with a one-time code that `restore()` trades for
 * the same kind of session (see sso-sign-in.ts). Both kinds live side by side on the sign-in
 * page; a provider that does not answer leaves the password form working.
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
export type SignInFailure =
  | 'wrong'
  | 'tooMany'
  | 'notRequester'
  | 'failed'
  /** The municipality's sign-in service does not answer (password sign-in still works). */
  | 'ssoUnavailable'
  /** The provider said no, or the person cancelled there. */
  | 'ssoRefused'
  /** The answer from the provider did not pass the checks. */
  | 'ssoInvalid'
  /** The person's organisation is not one the service serves. */
  | 'ssoUnknownTenant'
  /** The account is disabled. */
  | 'ssoDisabled'
  /** The sign-in at the provider took too long. */
  | 'ssoExpired';

/** A municipality one may sign in for, and the provider that signs its people in. */
export interface SsoMunicipality {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
}

/**
 * "Logg inn med kommunen din": single sign-on with the municipality's own account, where the
 * server has identity providers (src/core/api/oidc-api.ts). The portal keeps no provider
 * tokens; the server gives it an ordinary session at the end.
 */
export interface SsoSignIn {
  /** The municipalities with a provider (none: the section is not shown). */
  municipalities(): Promise<SsoMunicipality[]>;
  /** The municipality picked last time on this browser. */
  remembered(): string | null;
  /**
   * Goes to the municipality's provider (remembering the choice). Resolves only when it
   * could not go: why.
   */
  begin(municipality: SsoMunicipality): Promise<SignInFailure>;
  /** Why the last return from a provider brought no session; once. */
  takeFailure(): SignInFailure | null;
  /** After signing out: the provider's own sign-out to offer; once. */
  takeSignOutOffer(): { url: string; providerName: string } | null;
}

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
  /** Signing in with the municipality's own account, where offered. */
  sso?: SsoSignIn;
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
