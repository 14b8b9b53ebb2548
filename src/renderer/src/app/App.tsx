import { useEffect } from 'react';
import { LiveBanner } from '../features/banner/LiveBanner';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { useT } from '../i18n/use-t';
import { startClock } from '../stores/clock-store';
import { useSessionStore } from '../stores/session-store';
import { restoreSession } from '../workstation/session-api';
import { useDocumentLanguage } from './use-document-language';
import { WorkstationShell } from './WorkstationShell';

/**
 * The application: the live banner is always on top (signed in or not, online or not);
 * below it the sign-in form or the workstation.
 */
export function App() {
  const t = useT();
  useDocumentLanguage();
  const session = useSessionStore((s) => s.session);
  const setSession = useSessionStore((s) => s.setSession);

  useEffect(() => startClock(), []);
  useEffect(() => {
    void restoreSession(new Date()).then(setSession);
  }, [setSession]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      {session ? (
        <WorkstationShell session={session} />
      ) : (
        <>
          <header className="app-header">
            <div className="app-header__top">
              <span className="app-header__name">{t('app.name')}</span>
            </div>
            <LiveBanner />
          </header>
          {session === null ? <SignInScreen /> : <p role="status">{t('app.loading')}</p>}
        </>
      )}
    </div>
  );
}
