import type { Locale, ServiceConfig } from '@core/config';
import { LanguagePicker } from '@web/components/LanguagePicker';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type {
  AuthProvider,
  PortalSession,
  SignInFailure,
  SsoMunicipality,
} from '../auth/auth-provider';
import { organisationName } from '../i18n/organisation-name';
import type { MessageKey, Translate } from '../i18n/translate';
import { StatementLinks } from './StatementLinks';

const failureMessages: Readonly<Record<SignInFailure, MessageKey>> = {
  wrong: 'signIn.wrong',
  tooMany: 'signIn.tooMany',
  notRequester: 'signIn.notRequester',
  failed: 'signIn.failed',
  ssoUnavailable: 'signIn.ssoUnavailable',
  ssoRefused: 'signIn.ssoRefused',
  ssoInvalid: 'signIn.ssoInvalid',
  ssoUnknownTenant: 'signIn.ssoUnknownTenant',
  ssoDisabled: 'signIn.ssoDisabled',
  ssoExpired: 'signIn.ssoExpired',
};

/**
 * Sign-in: "Logg inn med kommunen din" (the municipality's own account, where the server has
 * identity providers) above the username and password form, which always works.
 */
export function SignInPage(props: {
  auth: AuthProvider;
  locale: Locale;
  t: Translate;
  config: ServiceConfig;
  /** Changes when a sign-out has finished (the provider's sign-out may be offered then). */
  signedOut?: number;
  onLocale(locale: Locale): void;
  onSignedIn(session: PortalSession): void;
}) {
  const { auth, t } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const phones = props.config.calendar.phoneNumbers;
  const sso = auth.sso;
  const [municipalities, setMunicipalities] = useState<SsoMunicipality[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [leaving, setLeaving] = useState(false);
  const [offer, setOffer] = useState<{ url: string; providerName: string } | null>(null);

  useEffect(() => {
    if (!sso) return;
    const returned = sso.takeFailure();
    if (returned) {
      setFailure(returned);
      requestAnimationFrame(() => failureRef.current?.focus());
    }
    void sso.municipalities().then((list) => {
      setMunicipalities(list);
      const remembered = sso.remembered();
      setChosen(list.find((m) => m.id === remembered)?.id ?? list[0]?.id ?? '');
    });
  }, [sso]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again after each sign-out
  useEffect(() => {
    if (sso) setOffer(sso.takeSignOutOffer());
  }, [sso, props.signedOut]);

  const beginSso = async () => {
    const municipality = municipalities.find((m) => m.id === chosen);
    if (!sso || !municipality) return;
    setFailure(null);
    setLeaving(true);
    const why = await sso.begin(municipality);
    setLeaving(false);
    setFailure(why);
    requestAnimationFrame(() => failureRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (auth.kind !== 'credentials') return;
    const nowMissing = { username: username.trim() === '', password: password === '' };
    setMissing(nowMissing);
    setFailure(null);
    if (nowMissing.username) return usernameRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    setBusy(true);
    const outcome = await auth.signIn(username.trim(), password);
    setBusy(false);
    if (outcome.ok) return props.onSignedIn(outcome.session);
    setFailure(outcome.reason);
    setPassword('');
    requestAnimationFrame(() => failureRef.current?.focus());
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-name">{organisationName(props.config.organisation, props.locale)}</p>
          <div className="site-header__tools">
            <LanguagePicker
              className="language"
              locale={props.locale}
              label={t('app.language')}
              onChange={props.onLocale}
            />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--narrow">
        <h1 tabIndex={-1}>{t('signIn.heading')}</h1>
        <p>{t('signIn.intro')}</p>
        {failure && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={failureRef}>
            {t(failureMessages[failure])}
          </div>
        )}
        {offer && (
          <div className="alert" role="status">
            <p>{t('signIn.signedOutOffer', { provider: offer.providerName })}</p>
            <a href={offer.url}>{t('signIn.providerSignOut', { provider: offer.providerName })}</a>
          </div>
        )}
        {municipalities.length > 0 && (
          <section className="card form" aria-labelledby="sso-heading">
            <h2 id="sso-heading">{t('signIn.ssoHeading')}</h2>
            <p>{t('signIn.ssoHelp')}</p>
            <div className="field">
              <label htmlFor="sso-municipality">{t('signIn.ssoMunicipality')}</label>
              <select
                id="sso-municipality"
                value={chosen}
                onChange={(e) => setChosen(e.target.value)}
              >
                {municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" disabled={leaving} onClick={beginSso}>
              {leaving ? t('signIn.ssoBusy') : t('signIn.ssoSubmit')}
            </button>
          </section>
        )}
        {municipalities.length > 0 && auth.kind === 'credentials' && (
          <h2 className="sign-in__or">{t('signIn.passwordHeading')}</h2>
        )}
        {auth.kind === 'redirect' ? (
          <button type="button" className="button" onClick={() => auth.beginSignIn()}>
            {auth.label}
          </button>
        ) : (
          <form className="card form" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="username">{t('signIn.username')}</label>
              {missing.username && (
                <p className="field__error" id="username-error">
                  {t('signIn.usernameMissing')}
                </p>
              )}
              <input
                id="username"
                ref={usernameRef}
                autoComplete="username"
                value={username}
                required
                aria-invalid={missing.username || undefined}
                aria-describedby={missing.username ? 'username-error' : undefined}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="password">{t('signIn.password')}</label>
              {missing.password && (
                <p className="field__error" id="password-error">
                  {t('signIn.passwordMissing')}
                </p>
              )}
              <input
                id="password"
                ref={passwordRef}
                type="password"
                autoComplete="current-password"
                value={password}
                required
                aria-invalid={missing.password || undefined}
                aria-describedby={missing.password ? 'password-error' : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </form>
        )}
      </main>
      <footer className="site-footer">
        <p>{t('footer.phone', { support: phones.support, onCall: phones.onCall })}</p>
        <p>{t('footer.routine')}</p>
        <StatementLinks t={t} />
      </footer>
    </>
  );
}
