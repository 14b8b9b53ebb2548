import { mayAdministerUsers } from '@core/account/user-admin-rules';
import { useEffect, useState } from 'react';
import { useAdminT } from '../features/admin/admin-messages';
import { mayAdminister } from '../features/admin/admin-sections';
import { EnableAlertsButton } from '../features/alerts/EnableAlertsButton';
import { useNotificationsT } from '../features/notifications/notifications-messages';
import { useOnCallT } from '../features/oncall/oncall-messages';
import { useSearchT } from '../features/search/search-messages';
import { isSearchShortcut, searchShortcut } from '../features/search/search-shortcut';
import { useSlaT } from '../features/sla-board/sla-board-messages';
import { AccountButton } from '../features/users/AccountDialog';
import { useUsersT } from '../features/users/users-messages';
import { useT } from '../i18n/use-t';
import { type Route, routeHash, useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { useSyncStatus } from '../sync/sync-status';
import { Dialog } from '../workstation/Dialog';
import { LanguagePicker } from '../workstation/LanguagePicker';
import { signOut } from '../workstation/session-api';
import { useWorkstation } from '../workstation/workstation-context';
import { isNewCaseShortcut, newCaseShortcut } from './new-case-shortcut';
import { SyncIndicator } from './SyncIndicator';
import { signOutWarning } from './sign-out-warning';

/** Title, main navigation, sync state, language and the signed-in user. */
export function AppHeader() {
  const t = useT();
  const slaT = useSlaT();
  const usersT = useUsersT();
  const adminT = useAdminT();
  const searchT = useSearchT();
  const notificationsT = useNotificationsT();
  const oncallT = useOnCallT();
  const ws = useWorkstation();
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const setSession = useSessionStore((s) => s.setSession);
  const pending = useSyncStatus(ws.engine.status, (s) => s.pendingCount);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const links: Array<{
    route: Route;
    label: string;
    shortcut?: { aria: string; label: string };
  }> = [
    { route: { name: 'board' }, label: t('nav.board') },
    { route: { name: 'intake' }, label: t('nav.intake'), shortcut: newCaseShortcut },
    { route: { name: 'sla' }, label: slaT('nav.slaBoard') },
    ...(mayAdminister(ws.actor.role)
      ? [{ route: { name: 'admin' } as Route, label: adminT('nav.admin') }]
      : []),
    { route: { name: 'search' }, label: searchT('nav.search'), shortcut: searchShortcut },
    ...(mayAdministerUsers(ws.actor)
      ? [{ route: { name: 'users' } as Route, label: usersT('nav.users') }]
      : []),
    { route: { name: 'notifications' }, label: notificationsT('nav.notifications') },
    ...(ws.actor.role !== 'requester'
      ? [{ route: { name: 'oncall' } as Route, label: oncallT('nav.oncall') }]
      : []),
  ];

  // A new phone case from anywhere (not over an open dialog: that has its own keys).
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (isSearchShortcut(e)) {
        // Search from anywhere (Ctrl+K / Ctrl+F); pressed on the search screen it selects the words.
        e.preventDefault();
        const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
        if (input) input.select();
        else navigate({ name: 'search' });
        return;
      }
      if (!isNewCaseShortcut(e)) return;
      e.preventDefault();
      navigate({ name: 'intake' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const doSignOut = () => void signOut(ws.session).then(() => setSession(null));
  const warning = signOutWarning(pending);
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
                aria-keyshortcuts={link.shortcut?.aria}
                title={
                  link.shortcut
                    ? link.route.name === 'search'
                      ? searchT('nav.searchShortcut', { keys: link.shortcut.label })
                      : t('nav.intakeShortcut', { keys: link.shortcut.label })
                    : undefined
                }
              >
                {link.label}
                {link.shortcut ? (
                  // Announced through aria-keyshortcuts; shown for sighted users.
                  <span className="app-nav__shortcut" aria-hidden="true">
                    <kbd>{link.shortcut.label}</kbd>
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span className="app-header__spacer" />
      <EnableAlertsButton />
      <SyncIndicator />
      <span>{t('nav.signedInAs', { name: ws.session.row.user.displayName })}</span>
      <AccountButton />
      <LanguagePicker />
      <button type="button" onClick={() => (warning ? setConfirmSignOut(true) : doSignOut())}>
        {t('nav.signOut')}
      </button>
      {confirmSignOut ? (
        <Dialog title={t('signOut.title')} onClose={() => setConfirmSignOut(false)}>
          <p data-testid="sign-out-warning">
            {warning ? t(warning.key, warning.params) : null} {t('signOut.explain')}
          </p>
          <div className="dialog__actions">
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice has focus in a warning */}
            <button type="button" autoFocus onClick={() => setConfirmSignOut(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmSignOut(false);
                doSignOut();
              }}
            >
              {t('signOut.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
