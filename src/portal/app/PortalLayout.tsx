import type { Locale } from '@core/config';
import { LanguagePicker } from '@web/components/LanguagePicker';
import type { ReactNode } from 'react';
import { organisationName } from '../i18n/organisation-name';
import type { PortalRoute } from '../logic/portal-route';
import { StatementLinks } from '../pages/StatementLinks';
import { PortalLink } from './PortalLink';
import { usePortal } from './portal-context';

/** Skip link, header with the menu, the page, and the seed's phone numbers in the footer. */
export function PortalLayout(props: {
  route: PortalRoute;
  onLocale(locale: Locale): void;
  onSignOut(): void;
  children: ReactNode;
}) {
  const { t, locale, session, config, navigate } = usePortal();
  const at = props.route.name;
  const phones = config.calendar.phoneNumbers;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-name">
            <PortalLink to={{ name: 'home' }} navigate={navigate}>
              {organisationName(config.organisation, locale)}
            </PortalLink>
          </p>
          <div className="site-header__tools">
            <LanguagePicker
              className="language"
              locale={locale}
              label={t('app.language')}
              onChange={props.onLocale}
            />
            <span className="signed-in">
              {t('nav.signedInAs', { name: session.user.displayName })}
            </span>
            <PortalLink to={{ name: 'account' }} navigate={navigate} current={at === 'account'}>
              {t('nav.account')}
            </PortalLink>
            <PortalLink
              to={{ name: 'notifications' }}
              navigate={navigate}
              current={at === 'notifications'}
            >
              {t('notifications.heading')}
            </PortalLink>
            <button type="button" className="button button--quiet" onClick={props.onSignOut}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul>
            <li>
              <PortalLink to={{ name: 'home' }} navigate={navigate} current={at === 'home'}>
                {t('nav.home')}
              </PortalLink>
            </li>
            <li>
              <PortalLink to={{ name: 'report' }} navigate={navigate} current={at === 'report'}>
                {t('nav.report')}
              </PortalLink>
            </li>
            <li>
              <PortalLink
                to={{ name: 'cases' }}
                navigate={navigate}
                current={at === 'cases' || at === 'case'}
              >
                {t('nav.myCases')}
              </PortalLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.phone', { support: phones.support, onCall: phones.onCall })}</p>
        <p>{t('footer.routine')}</p>
        <StatementLinks t={t} />
      </footer>
    </>
  );
}
