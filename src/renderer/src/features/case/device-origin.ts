import type { MessageKey } from '../../i18n/translate';

/**
 * Where a recorded change came from, as the history says it: the portal (its sign-in names
 * the device `portal`), or this very computer. Any other device id (another workstation, the
 * demo seed, an API client) is a random id that means nothing to a reader, so it is not shown.
 */
export function deviceOrigin(deviceId: string | null, ownDeviceId: string): MessageKey | null {
  if (deviceId === null) return null;
  if (deviceId === 'portal') return 'history.fromPortal';
  if (deviceId === ownDeviceId) return 'history.fromThisDevice';
  return null;
}
