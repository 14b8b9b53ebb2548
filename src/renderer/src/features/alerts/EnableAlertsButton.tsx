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
      <BellIcon />
      {t('alert.enable')}
    </button>
  );
}

/** A bell drawn in the text colour (an emoji bell needs an emoji font, which not every
 *  desktop has: Debian's Chromium drew an empty box). */
function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="currentColor"
      style={{ verticalAlign: '-0.125em', marginRight: '0.35em' }}
    >
      <path d="M12 2a1.5 1.5 0 0 0-1.5 1.5v.7A6.5 6.5 0 0 0 5.5 10.5v4.3L3.6 17.2A1 1 0 0 0 4.4 19h15.2a1 1 0 0 0 .8-1.8l-1.9-2.4v-4.3a6.5 6.5 0 0 0-5-6.3v-.7A1.5 1.5 0 0 0 12 2Zm-2.5 18a2.5 2.5 0 0 0 5 0h-5Z" />
    </svg>
  );
}
