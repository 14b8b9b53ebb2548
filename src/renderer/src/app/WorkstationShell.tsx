import { useEffect, useState } from 'react';
import AdminView from '../features/admin/AdminView';
import { parseAdminSection } from '../features/admin/admin-sections';
import { CriticalAlerts } from '../features/alerts/CriticalAlerts';
import { useCriticalAlertStore } from '../features/alerts/critical-alert-store';
import { LiveBanner } from '../features/banner/LiveBanner';
import BoardView from '../features/board/BoardView';
import CaseView from '../features/case/CaseView';
import IntakeView from '../features/intake/IntakeView';
import NotificationsView from '../features/notifications/NotificationsView';
import { OnCallView } from '../features/oncall/OnCallView';
import SearchView from '../features/search/SearchView';
import SlaBoardView from '../features/sla-board/SlaBoardView';
import SlaWallView from '../features/sla-board/SlaWallView';
import UsersView from '../features/users/UsersView';
import { useT } from '../i18n/use-t';
import { useRouteStore } from '../stores/route-store';
import { deviceId } from '../workstation/device-id';
import type { ActiveSession } from '../workstation/session-api';
import { openWorkstation, type Workstation } from '../workstation/workstation';
import { WorkstationContext } from '../workstation/workstation-context';
import { AppHeader } from './AppHeader';
import { SessionExpiredNotice } from './SessionExpiredNotice';
import { ToastMessage } from './ToastMessage';
import { useDesktopBridge } from './use-desktop-bridge';
import { useRouteFocus } from './use-route-focus';
import { useServerData } from './use-server-data';

/** The signed-in workstation: header with banner and sync state, alerts, and the current screen. */
export function WorkstationShell({ session }: { session: ActiveSession }) {
  const t = useT();
  const [ws, setWs] = useState<Workstation | null>(null);
  const route = useRouteStore((s) => s.route);

  useEffect(() => {
    const opened = openWorkstation(session, deviceId(), (record) =>
      useCriticalAlertStore.getState().raise(record, Date.now()),
    );
    setWs(opened);
    return () => {
      setWs(null);
      void opened.close();
    };
  }, [session]);
  useServerData(ws);
  useDesktopBridge();
  useRouteFocus(route);

  if (!ws) return <p role="status">{t('app.loading')}</p>;
  if (route.name === 'wall') {
    // Wall mode: the SLA board full screen, no header or dialogs (nothing to click).
    return (
      <WorkstationContext.Provider value={ws}>
        <main id="main" tabIndex={-1}>
          <SlaWallView />
        </main>
      </WorkstationContext.Provider>
    );
  }
  return (
    <WorkstationContext.Provider value={ws}>
      <header className="app-header">
        <AppHeader />
        <LiveBanner />
      </header>
      <SessionExpiredNotice />
      <CriticalAlerts />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Every screen is in the main bundle: a lazily loaded chunk cannot load offline. */}
        {route.name === 'board' ? <BoardView /> : null}
        {route.name === 'case' ? <CaseView caseId={route.caseId} /> : null}
        {route.name === 'intake' ? <IntakeView /> : null}
        {route.name === 'sla' ? <SlaBoardView /> : null}
        {route.name === 'users' ? (
          <UsersView {...(route.userId ? { userId: route.userId } : {})} />
        ) : null}
        {route.name === 'admin' ? <AdminView section={parseAdminSection(route.section)} /> : null}
        {route.name === 'search' ? <SearchView initialQuery={route.q ?? ''} /> : null}
        {route.name === 'notifications' ? <NotificationsView /> : null}
        {route.name === 'oncall' ? <OnCallView /> : null}
      </main>
      <ToastMessage />
    </WorkstationContext.Provider>
  );
}
