import { useState } from 'react';
import { useT } from '../../i18n/use-t';

/**
 * Web mode: browsers may only show the permission prompt after a click, so while
 * notifications are neither allowed nor refused this button asks. Hidden on the desktop
 * (native notifications) and once the user has decided.
 */
export function EnableAlertsButton() {
  const t = useT();
  const available = typeof Notification !== 'undefined' && !globalThis.window?.api?.isDesktop;
  const [permission, setPermission] = useState(available ? Notification.permission : 'granted');
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then((p) => setPermission(p))}
    >
      <span aria-hidden="true">🔔 </span>
      {t('alert.enable')}
    </button>
  );
}
