import { type FormEvent, useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { desktopServerUrl, ensureDesktopServer } from '../../workstation/desktop-settings';
import { deviceId } from '../../workstation/device-id';
import { LanguagePicker } from '../../workstation/LanguagePicker';
import { SsoSignIn } from './SsoSignIn';
import {
  defaultServerUrl,
  normaliseServerUrl,
  SignInError,
  signIn,
} from '../../workstation/session-api';

/** Server address, username, password and language; the session is kept for offline use. */
export function SignInScreen() {
  const t = useT();
  const ids = { server: useId(), user: useId(), pass: useId(), error: useId() };
  const setSession = useSessionStore((s) => s.setSession);
  const [server, setServer] = useState(defaultServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void desktopServerUrl().then((url) => url && setServer(url));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Desktop: a new server address is stored first (the window reloads with it).
      if (!(await ensureDesktopServer(normaliseServerUrl(server)))) return;
      const session = await signIn(server, username, password, deviceId(), new Date());
      localStorage.setItem('saksbord.serverUrl', session.serverUrl);
      setSession(session);
    } catch (e) {
      if (e instanceof SignInError) {
        setError(
          e.failure === 'badCredentials'
            ? t('signIn.badCredentials')
            : e.failure === 'tooMany'
              ? t('signIn.tooMany')
              : e.failure === 'unreachable'
                ? t('signIn.unreachable', { server })
                : t('signIn.failed', { message: e.message }),
        );
      } else setError(t('signIn.failed', { message: String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <SsoSignIn server={server} />
      <form onSubmit={submit} aria-describedby={error ? ids.error : undefined}>
        <div className="field">
          <label htmlFor={ids.server}>{t('signIn.server')}</label>
          <input
            id={ids.server}
            type="url"
            required
            value={server}
            onChange={(e) => setServer(e.target.value)}
            autoComplete="url"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.user}>{t('signIn.username')}</label>
          <input
            id={ids.user}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.pass}>{t('signIn.password')}</label>
          <input
            id={ids.pass}
            type="password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </div>
        <div className="field">
          <span>{t('lang.label')}</span>
          <LanguagePicker />
        </div>
        {error ? (
          <p id={ids.error} className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
