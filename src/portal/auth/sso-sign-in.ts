/**
 * "Logg inn med kommunen din" in the portal: pick the municipality (remembered on this
 * browser), go to its identity provider, come back with a one-time code, trade it for a
 * session. The flow's steps are src/web's `sso-flow`; this keeps the portal's side: which
 * municipality was picked, why a return failed, and the provider's sign-out to offer.
 */
import type { SsoError } from '@core/api';
import {
  type ApiClient,
  ApiError,
  completeSso,
  identityProviders,
  providerSignOut,
  ssoReturnOf,
  startSso,
  withoutSsoParams,
} from '@web/api';
import type { PortalSession, SignInFailure, SsoMunicipality, SsoSignIn } from './auth-provider';

export const municipalityKey = 'saksbord.portal.municipality';
const failureKey = 'saksbord.portal.ssoFailure';
const signOutOfferKey = 'saksbord.portal.providerSignOut';
/** Where the portal is, and where a provider sends the browser back to. */
export const portalPath = '/portal/';

const failureOf: Readonly<Record<SsoError | 'failed', SignInFailure>> = {
  providerRefused: 'ssoRefused',
  invalidResponse: 'ssoInvalid',
  unknownTenant: 'ssoUnknownTenant',
  disabled: 'ssoDisabled',
  expired: 'ssoExpired',
  unavailable: 'ssoUnavailable',
  failed: 'failed',
};

export interface PortalSso extends SsoSignIn {
  /**
   * On the return from a provider (`?sso=` or `?ssoError=` in the address): the session, or
   * null (the reason is kept for `takeFailure`). Undefined when this is no such return.
   */
  completeReturn(): Promise<PortalSession | null | undefined>;
  /** Before signing out: asks the server for the provider's sign-out, kept for the offer. */
  rememberSignOutOffer(token: string): Promise<void>;
}

export function portalSso(options: {
  /** A client without a token (for the public steps). */
  publicApi: ApiClient;
  /** A client with the session's token. */
  apiFor(token: string): ApiClient;
  /** Keeps the session; rejects a non-requester (it is signed out again). */
  accept(session: PortalSession): Promise<SignInFailure | null>;
  storage?: Storage;
  tabStorage?: Storage;
  go?: (url: string) => void;
}): PortalSso {
  const storage = options.storage ?? localStorage;
  const tab = options.tabStorage ?? sessionStorage;
  const go = options.go ?? ((url: string) => location.assign(url));
  const fail = (failure: SignInFailure) => tab.setItem(failureKey, failure);

  return {
    async municipalities() {
      const providers = await identityProviders(options.publicApi);
      return providers
        .flatMap((p) =>
          p.municipalities.map((m) => ({
            id: m.id,
            name: m.name,
            providerId: p.id,
            providerName: p.name,
          })),
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'nn'));
    },
    remembered: () => storage.getItem(municipalityKey),
    async begin(municipality: SsoMunicipality) {
      storage.setItem(municipalityKey, municipality.id);
      try {
        go(await startSso(options.publicApi, municipality.providerId, portalPath, tab));
        // The page is leaving; nothing to say.
        return new Promise<SignInFailure>(() => {});
      } catch (error) {
        return error instanceof ApiError && (error.status === 503 || error.failure === 'network')
          ? 'ssoUnavailable'
          : 'failed';
      }
    },
    takeFailure() {
      const failure = tab.getItem(failureKey) as SignInFailure | null;
      tab.removeItem(failureKey);
      return failure;
    },
    takeSignOutOffer() {
      const raw = tab.getItem(signOutOfferKey);
      tab.removeItem(signOutOfferKey);
      try {
        return raw ? (JSON.parse(raw) as { url: string; providerName: string }) : null;
      } catch {
        return null;
      }
    },
    async completeReturn() {
      const back = ssoReturnOf(location.search);
      if (!back) return undefined;
      history.replaceState(history.state, '', withoutSsoParams(location.href));
      if ('error' in back) {
        fail(failureOf[back.error]);
        return null;
      }
      try {
        const answer = await completeSso(options.publicApi, back.handoff, 'portal', tab);
        const session: PortalSession = {
          token: answer.token,
          expiresAt: answer.expiresAt,
          user: answer.user,
        };
        const refused = await options.accept(session);
        if (refused) {
          fail(refused);
          return null;
        }
        return session;
      } catch {
        fail('failed');
        return null;
      }
    },
    async rememberSignOutOffer(token) {
      const offer = await providerSignOut(options.apiFor(token), portalPath);
      if (offer) tab.setItem(signOutOfferKey, JSON.stringify(offer));
    },
  };
}
