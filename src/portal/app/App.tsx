/**
 * The portal: language, sign-in, the signed-in layout and client-side routing under /portal/.
 * Only requesters get past sign-in; everything they do goes through the server's API.
 */

import { createServiceCalendar } from '@core/calendar';
import { defaultLocale, defaultServiceConfig, type Locale, localeSchema } from '@core/config';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortalApi } from '../api/portal-api';
import type { AuthProvider, PortalSession } from '../auth/auth-provider';
import { type MessageKey, translatorFor } from '../i18n/translate';
import { hrefOf, type PortalRoute, parseRoute } from '../logic/portal-route';
import { AccountPage } from '../pages/AccountPage';
import { CasePage } from '../pages/CasePage';
import { HomePage } from '../pages/HomePage';
import { MyCasesPage } from '../pages/MyCasesPage';
import { NotificationsPage } from '../pages/NotificationsPage';
import { ReportPage } from '../pages/ReportPage';
import { SignInPage } from '../pages/SignInPage';
import { StatementPage } from '../pages/StatementPage';
import { PortalLayout } from './PortalLayout';
import { PortalContext, type PortalContextValue } from './portal-context';

const localeKey = 'saksbord.portal.locale';

function initialLocale(): Locale {
  const stored = localeSchema.safeParse(localStorage.getItem(localeKey));
  return stored.success ? stored.data : defaultLocale;
}

const pageTitles: Readonly<Record<PortalRoute['name'], MessageKey>> = {
  home: 'home.heading',
  report: 'report.heading',
  cases: 'cases.heading',
  case: 'cases.title',
  statement: 'statement.accessibility',
  account: 'account.heading',
  notifications: 'notifications.heading',
  notFound: 'case.notFound',
};

export function App({ auth }: { auth: AuthProvider }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<PortalSession | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [route, setRoute] = useState<PortalRoute>(() => parseRoute(location.pathname));
  const [config, setConfig] = useState(defaultServiceConfig);
  const t = useMemo(() => translatorFor(locale), [locale]);
  const firstRender = useRef(true);

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem(localeKey, locale);
  }, [locale]);

  useEffect(() => {
    const page =
      route.name === 'statement'
        ? t(`statement.${route.kind}`)
        : t(session ? pageTitles[route.name] : 'signIn.heading');
    document.title = `${page} – ${t('app.title')}`;
  }, [t, route, session]);

  useEffect(() => {
    void auth.restore().then((restored) => {
      setSession(restored);
      setRestoring(false);
    });
  }, [auth]);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // After client-side navigation, move focus to the new page's heading so screen readers
  // announce it and keyboard users start at the top of the content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each route change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);

  const navigate = useCallback((next: PortalRoute) => {
    history.pushState(null, '', hrefOf(next));
    setRoute(next);
    scrollTo(0, 0);
  }, []);

  // Signed out in another tab: this one stops too. While signed in and shown, the session is
  // in use (a provider may drop sessions no tab has used for long; see password-auth-provider).
  useEffect(() => {
    if (!session) return;
    const stop = auth.watch?.(() => setSession(null));
    const keepAlive = () => {
      if (document.visibilityState === 'visible') auth.keepAlive?.();
    };
    keepAlive();
    const timer = setInterval(keepAlive, 60_000);
    document.addEventListener('visibilitychange', keepAlive);
    return () => {
      stop?.();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', keepAlive);
    };
  }, [auth, session]);

  // Bumped when a sign-out has finished, so the sign-in page can offer the provider's too.
  const [signedOut, setSignedOut] = useState(0);
  const signOut = useCallback(() => {
    if (session) void auth.signOut(session).then(() => setSignedOut((n) => n + 1));
    setSession(null);
  }, [auth, session]);

  const api = useMemo(
    () => (session ? createPortalApi(session.token, () => setSession(null)) : null),
    [session],
  );

  // Published content changed on the server (a team leader's edit): fetch it again, live.
  const [contentVersion, setContentVersion] = useState(0);
  useEffect(() => {
    if (!api) return;
    return api.watchSettings(() => setContentVersion((v) => v + 1));
  }, [api]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again on each content change
  useEffect(() => {
    if (!api) return;
    // The whole configuration where the server publishes it; the categories (which team
    // leaders may change) from their own endpoint; the seed's defaults for the rest.
    void (async () => {
      const [whole, categories] = await Promise.all([
        api.config().catch(() => null),
        api.categories().catch(() => null),
      ]);
      setConfig((c) => ({ ...(whole ?? c), ...(categories ? { categories } : {}) }));
    })();
  }, [api, contentVersion]);

  const context = useMemo<PortalContextValue | null>(
    () =>
      session && api
        ? {
            locale,
            t,
            session,
            api,
            config,
            calendar: createServiceCalendar(config.calendar),
            navigate,
            contentVersion,
          }
        : null,
    [locale, t, session, api, config, navigate, contentVersion],
  );

  if (restoring) {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (!context && route.name === 'statement') {
    // The statements are public: readable before signing in.
    return (
      <>
        <a className="skip-link" href="#main">
          {t('app.skipLink')}
        </a>
        <main id="main" tabIndex={-1} className="page">
          <StatementPage kind={route.kind} locale={locale} t={t} />
        </main>
      </>
    );
  }
  if (!context) {
    return (
      <SignInPage
        auth={auth}
        locale={locale}
        t={t}
        config={config}
        signedOut={signedOut}
        onLocale={setLocale}
        onSignedIn={setSession}
      />
    );
  }
  return (
    <PortalContext.Provider value={context}>
      <PortalLayout route={route} onLocale={setLocale} onSignOut={signOut}>
        {route.name === 'home' && <HomePage />}
        {route.name === 'report' && <ReportPage />}
        {route.name === 'cases' && <MyCasesPage />}
        {route.name === 'case' && <CasePage id={route.id} key={route.id} />}
        {route.name === 'statement' && (
          <StatementPage kind={route.kind} locale={locale} t={t} key={route.kind} />
        )}
        {route.name === 'account' && <AccountPage />}
        {route.name === 'notifications' && <NotificationsPage />}
        {route.name === 'notFound' && <HomePage />}
      </PortalLayout>
    </PortalContext.Provider>
  );
}
