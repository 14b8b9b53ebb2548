import { useEffect } from 'react';
import { useCriticalAlertStore } from '../features/alerts/critical-alert-store';
import { useRouteStore } from '../stores/route-store';

/**
 * In the desktop app: notification clicks open the case, app-menu shortcuts navigate, and the
 * tray shows how many critical cases wait. Nothing happens in a browser.
 */
export function useDesktopBridge(): void {
  useEffect(() => {
    const api = window.api;
    if (!api?.isDesktop) return;
    const navigate = useRouteStore.getState().navigate;
    const offFocus = api.onFocusCase(({ caseId }) => navigate({ name: 'case', caseId }));
    const offMenu = api.onMenuCommand(({ command }) => {
      if (command === 'newCase') navigate({ name: 'intake' });
      else if (command === 'board') navigate({ name: 'board' });
      else if (command === 'search') {
        navigate({ name: 'board' });
        setTimeout(() => document.querySelector<HTMLInputElement>('input[type=search]')?.focus());
      }
    });
    let last = -1;
    const offAlerts = useCriticalAlertStore.subscribe((s) => {
      const count = Object.keys(s.alerts).length;
      if (count !== last) void api.setCriticalCount(count);
      last = count;
    });
    return () => {
      offFocus();
      offMenu();
      offAlerts();
    };
  }, []);
}
