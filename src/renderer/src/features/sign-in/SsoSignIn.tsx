import type { IdentityProviderSummary } from '@core/api/index';
import { useEffect, useId, useState } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { deviceId } from '../../workstation/device-id';
import { takeProviderSignOut } from '../../workstation/provider-sign-out';
import { normaliseServerUrl } from '../../workstation/session-api';
import {
  beginWorkstationSso,
  completeWorkstationSso,
  type WorkstationSsoFailure,
  workstationProviders,
} from '../../workstation/sso-session';

const failureMessages: Readonly<Record<WorkstationSsoFailure, MessageKey>> = {
  unavailable: 'signIn.ssoUnavailable',
  providerRefused: 'signIn.ssoRefused',
  invalidResponse: 'signIn.ssoInvalid',
  unknownTenant: 'signIn.ssoUnknownTenant',
  disabled: 'signIn.ssoDisabled',
  expired: 'signIn.ssoExpired',
  notStaff: 'signIn.ssoNotStaff',
  failed: 'signIn.ssoFailed',
};

const now = () => new Date();

/**
 * "Logg inn med kommunen din" on the sign-in screen: one button per identity provider of the
 * server typed above (shown only when it has any), the return from a provider (web mode),
 * and the provider's sign-out offered after signing out. The password form stays below.
 */
export function SsoSignIn({ server }: { server: string }) {
  const t = useT();
  const headingId = useId();
  const setSession = useSessionStore((s) => s.setSession);
  const [providers, setProviders] = useState<IdentityProviderSummary[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<WorkstationSsoFailure | null>(null);
  const [offer] = useState(takeProviderSignOut);

  useEffect(() => {
    void completeWorkstationSso(deviceId(), now).then((result) => {
      if (result === null) return;
      if (typeof result === 'string') setFailure(result);
      else setSession(result);
    });
  }, [setSession]);

  useEffect(() => {
    let serverUrl: string;
    try {
      serverUrl = normaliseServerUrl(server);
      new URL(serverUrl);
    } catch {
      setProviders([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void workstationProviders(serverUrl).then((list) => current && setProviders(list));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [server]);

  async function begin(providerId: string) {
    setBusy(providerId);
    setFailure(null);
    const result = await beginWorkstationSso(normaliseServerUrl(server), providerId, now);
    setBusy(null);
    if (typeof result === 'string') setFailure(result);
    else setSession(result);
  }

  const desktop = Boolean(globalThis.window?.api?.isDesktop);
  return (
    <>
      {offer ? (
        <p className="notice" role="status">
          {t('signIn.signedOutOffer', { provider: offer.providerName })}{' '}
          <a href={offer.url} target={desktop ? '_blank' : undefined} rel="noreferrer">
            {t('signIn.providerSignOut', { provider: offer.providerName })}
          </a>
        </p>
      ) : null}
      {failure ? (
        <p className="error" role="alert">
          {t(failureMessages[failure])}
        </p>
      ) : null}
      {providers.length > 0 ? (
        <section className="sign-in__sso" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('signIn.ssoHeading')}</h2>
          {desktop ? <p>{t('signIn.ssoDesktopHint')}</p> : null}
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => void begin(p.id)}
            >
              {busy === p.id ? t('signIn.ssoBusy') : t('signIn.ssoWith', { provider: p.name })}
            </button>
          ))}
          <h2>{t('signIn.passwordHeading')}</h2>
        </section>
      ) : null}
    </>
  );
}
