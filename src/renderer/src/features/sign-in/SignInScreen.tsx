import { serverAddress } from '@web/api/index';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { desktopServerUrl, ensureDesktopServer } from '../../workstation/desktop-settings';
import { deviceId } from '../../workstation/device-id';
import { LanguagePicker } from '../../workstation/LanguagePicker';
import {
  allowInsecureHttp,
  allowInsecureHttpKey,
  defaultServerUrl,
  normaliseServerUrl,
  SignInError,
  signIn,
} from '../../workstation/session-api';
import { useUsersT } from '../users/users-messages';
import { SsoSignIn } from './SsoSignIn';

/** Server address, username, password and language; the session is kept for offline use. */
export function SignInScreen() {
  const t = useT();
  const ids = {
    server: useId(),
    user: useId(),
    pass: useId(),
    error: useId(),
    insecure: useId(),
  };
  const setSession = useSessionStore((s) => s.setSession);
  const [server, setServer] = useState(defaultServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Two-step sign-in: asked for once the server says the account needs the app's code.
  const usersT = useUsersT();
  const [needsCode, setNeedsCode] = useState(false);
  const [totpCode, setTotpCode] = useState('');
  const codeId = useId();
  const [allowHttp, setAllowHttp] = useState(allowInsecureHttp);
  // The setting is offered where it matters: a plain http address of another machine.
  const plainHttp = !serverAddress(server).ok && serverAddress(server).url.startsWith('http:');
  useEffect(() => {
    void desktopServerUrl().then((url) => url && setServer(url));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const address = serverAddress(server, { allowInsecureHttp: allowHttp });
      if (!address.ok) {
        setError(
          address.reason === 'insecure'
            ? t('signIn.insecure', { server: address.url })
            : t('signIn.failed', { message: address.url }),
        );
        return;
      }
      // Desktop: a new server address is stored first (the window reloads with it).
      if (!(await ensureDesktopServer(normaliseServerUrl(server)))) return;
      const session = await signIn(
        server,
        username,
        password,
        deviceId(),
        new Date(),
        needsCode ? totpCode : undefined,
      );
      localStorage.setItem('saksbord.serverUrl', session.serverUrl);
      setSession(session);
    } catch (e) {
      if (
        e instanceof SignInError &&
        (e.failure === 'totpRequired' || e.failure === 'totpInvalid')
      ) {
        setNeedsCode(true);
        setError(usersT(e.failure === 'totpRequired' ? 'signIn.totpPrompt' : 'signIn.totpInvalid'));
      } else if (e instanceof SignInError) {
        setError(
          e.failure === 'badCredentials'
            ? t('signIn.badCredentials')
            : e.failure === 'tooMany'
              ? t('signIn.tooMany')
              : e.failure === 'unreachable'
                ? t('signIn.unreachable', { server })
                : e.failure === 'insecure'
                  ? t('signIn.insecure', { server })
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
        {plainHttp || allowHttp ? (
          <div className="field field--checkbox">
            <input
              id={ids.insecure}
              type="checkbox"
              checked={allowHttp}
              onChange={(e) => {
                setAllowHttp(e.target.checked);
                localStorage.setItem(allowInsecureHttpKey, String(e.target.checked));
              }}
            />
            <label htmlFor={ids.insecure}>{t('signIn.allowHttp')}</label>
          </div>
        ) : null}
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
        {needsCode ? (
          <div className="field">
            <label htmlFor={codeId}>{usersT('account.totpCode')}</label>
            <input
              id={codeId}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              // biome-ignore lint/a11y/noAutofocus: the second step's one field, asked for now
              autoFocus
              value={totpCode}
              onChange={(e) => setTotpCode(e.target.value)}
            />
          </div>
        ) : null}
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
