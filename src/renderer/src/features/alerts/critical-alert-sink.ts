/** One critical alert as a notifier shows it (texts already in the user's language). */
export interface CriticalAlertMessage {
  caseId: string;
  number: string | null;
  title: string;
  municipality: string;
  /** Outside support's opening hours: the case is for on-call. */
  onCall: boolean;
  heading: string;
  body: string;
}

/**
 * Where critical alerts go: Web Notifications in a browser, native notifications through
 * `window.api` in the desktop app. The alert logic (when, how often, until acknowledged)
 * is the same for both and lives in the critical-alert store.
 */
export interface CriticalAlertSink {
  /** Asks for permission if needed; resolves whether alerts can be shown. */
  ensurePermission(): Promise<boolean>;
  show(message: CriticalAlertMessage, onClick: () => void): void;
  /** Removes the alert of `caseId` (acknowledged). */
  clear(caseId: string): void;
}

/** The Notification API (web mode). `requireInteraction` keeps it until the agent reacts. */
export function createWebNotificationSink(): CriticalAlertSink {
  const shown = new Map<string, Notification>();
  const available = () => typeof Notification !== 'undefined';
  return {
    async ensurePermission() {
      if (!available()) return false;
      if (Notification.permission === 'default') await Notification.requestPermission();
      return Notification.permission === 'granted';
    },
    show(message, onClick) {
      if (!available() || Notification.permission !== 'granted') return;
      shown.get(message.caseId)?.close();
      const n = new Notification(message.heading, {
        body: message.body,
        tag: `critical-${message.caseId}`,
        requireInteraction: true,
      });
      n.onclick = () => {
        window.focus();
        onClick();
        n.close();
      };
      shown.set(message.caseId, n);
    },
    clear(caseId) {
      shown.get(caseId)?.close();
      shown.delete(caseId);
    },
  };
}

type DesktopApi = NonNullable<Window['api']>;

/** Native notifications with sound through the preload (`notify:critical` / `notify:clear`). */
export function createDesktopSink(api: DesktopApi): CriticalAlertSink {
  return {
    ensurePermission: async () => true, // main allows notifications for its own window
    show(message) {
      // Clicks come back as `window:focusCase` (see use-desktop-bridge.ts).
      void api.notifyCritical({
        caseId: message.caseId,
        number: message.number,
        title: message.title,
        municipality: message.municipality,
        onCall: message.onCall,
        text: { heading: message.heading, body: message.body },
      });
    },
    clear(caseId) {
      void api.clearNotification({ caseId });
    },
  };
}

/** The sink for this build: native in the desktop app (`window.api.isDesktop`), else the browser's. */
export function createCriticalAlertSink(): CriticalAlertSink {
  const api = globalThis.window?.api;
  return api?.isDesktop ? createDesktopSink(api) : createWebNotificationSink();
}
