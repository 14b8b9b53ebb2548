import { EnableAlertsButton } from '../features/alerts/EnableAlertsButton';
import { useSlaT } from '../features/sla-board/sla-board-messages';
import { useT } from '../i18n/use-t';
import { type Route, routeHash, useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { LanguagePicker } from './LanguagePicker';
import { SyncIndicator } from './SyncIndicator';
import { signOut } from './session-api';
import { useWorkstation } from './workstation-context';

/** Title, main navigation, sync state, language and the signed-in user. */
export function AppHeader() {
  const t = useT();
  const slaT = useSlaT();
  const ws = useWorkstation();
  const route = useRouteStore((s) => s.route);
  const setSession = useSessionStore((s) => s.setSession);
  const links: Array<{ route: Route; label: string }> = [
    { route: { name: 'board' }, label: t('nav.board') },
    { route: { name: 'intake' }, label: t('nav.intake') },
    { route: { name: 'sla' }, label: slaT('nav.slaBoard') },
  ];
  return (
    <div className="app-header__top">
      <span className="app-header__name">{t('app.name')}</span>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {links.map((link) => (
            <li key={link.route.name}>
              <a
                href={routeHash(link.route)}
                aria-current={route.name === link.route.name ? 'page' : undefined}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span className="app-header__spacer" />
      <EnableAlertsButton />
      <SyncIndicator />
      <span>{t('nav.signedInAs', { name: ws.session.row.user.displayName })}</span>
      <LanguagePicker />
      <button type="button" onClick={() => void signOut(ws.session).then(() => setSession(null))}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}
