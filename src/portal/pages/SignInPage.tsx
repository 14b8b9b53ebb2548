import type { Locale, ServiceConfig } from '@core/config';
import { LanguagePicker } from '@web/components/LanguagePicker';
import { type FormEvent, useRef, useState } from 'react';
import type { AuthProvider, PortalSession, SignInFailure } from '../auth/auth-provider';
import { organisationName } from '../i18n/organisation-name';
import type { MessageKey, Translate } from '../i18n/translate';

const failureMessages: Readonly<Record<SignInFailure, MessageKey>> = {
  wrong: 'signIn.wrong',
  tooMany: 'signIn.tooMany',
  notRequester: 'signIn.notRequester',
  failed: 'signIn.failed',
};

/** Sign-in: username and password today; a button for a redirect (OIDC) provider later. */
export function SignInPage(props: {
  auth: AuthProvider;
  locale: Locale;
  t: Translate;
  config: ServiceConfig;
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
      </footer>
    </>
  );
}
