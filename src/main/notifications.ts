/**
 * Native notifications for critical cases. The renderer decides when to alert (and repeats
 * until someone acknowledges); main shows the OS notification with sound, keeps it until
 * dismissed, and on a click brings the window forward and tells the renderer which case
 * to open.
 */

import type { ClearNotification, CriticalNotification } from '@core/ipc';
import type { App, Notification, NotificationConstructorOptions } from 'electron';
import { bringToFront, type FocusableWindow } from './single-instance';

/**
 * Windows shows a notification under the name of the AppUserModelID of the process; it
 * must equal electron-builder's `appId` so the installed shortcut carries the same ID.
 */
export const APP_USER_MODEL_ID = 'no.saksbord.desktop';

/** Makes notifications on Windows carry the app's name and icon instead of "electron.app". */
export function setNotificationIdentity(app: Pick<App, 'setAppUserModelId'>, platform: string) {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/** The parts of an Electron Notification used here. */
export type NotificationLike = Pick<Notification, 'show' | 'close' | 'on'>;

export interface NotifierDeps {
  /** `Notification.isSupported()`. */
  isSupported: () => boolean;
  create: (options: NotificationConstructorOptions) => NotificationLike;
  /** The main window, when there is one. */
  getWindow: () => (FocusableWindow & { flashFrame?: (flag: boolean) => void }) | undefined;
  /** Tells the renderer to open a case (the `window:focusCase` event). */
  focusCase: (caseId: string) => void;
  /** Icon shown in the notification (a PNG in resources/). */
  icon?: string;
}

export interface CriticalNotifier {
  show(notification: CriticalNotification): { shown: boolean };
  clear(which: ClearNotification): void;
  /** Case ids with a notification on screen (for tests and diagnostics). */
  openCaseIds(): string[];
}

export function createCriticalNotifier(deps: NotifierDeps): CriticalNotifier {
  // Electron drops the click handler of a notification that is garbage-collected, so each
  // one is held here until it is closed.
  const open = new Map<string, NotificationLike>();

  const forget = (caseId: string, notification: NotificationLike) => {
    if (open.get(caseId) === notification) open.delete(caseId);
  };

  return {
    show(alert) {
      if (!deps.isSupported()) return { shown: false };
      const previous = open.get(alert.caseId);
      const notification = deps.create({
        id: `critical-${alert.caseId}`,
        groupId: 'critical',
        title: alert.text.heading,
        body: alert.text.body,
        // Sound on: a critical case must be heard, also with the window minimised.
        silent: false,
        sound: 'Glass',
        urgency: 'critical',
        // Stays in view until someone acts on it.
        timeoutType: 'never',
        ...(deps.icon ? { icon: deps.icon } : {}),
      });
      notification.on('click', () => {
        const window = deps.getWindow();
        bringToFront(window);
        window?.flashFrame?.(false);
        deps.focusCase(alert.caseId);
        forget(alert.caseId, notification);
      });
      notification.on('close', () => forget(alert.caseId, notification));
      open.set(alert.caseId, notification);
      previous?.close();
      notification.show();
      // Taskbar attention too, in case the toast is missed.
      deps.getWindow()?.flashFrame?.(true);
      return { shown: true };
    },
    clear(which) {
      const ids = 'caseId' in which ? [which.caseId] : [...open.keys()];
      for (const caseId of ids) {
        const notification = open.get(caseId);
        open.delete(caseId);
        notification?.close();
      }
      if (open.size === 0) deps.getWindow()?.flashFrame?.(false);
    },
    openCaseIds: () => [...open.keys()],
  };
}
