/**
 * One Saksbord per user: a second start (a shortcut clicked twice, a notification
 * relaunch) brings the running window forward instead of opening another copy.
 */
import type { App } from 'electron';

/** The parts of a BrowserWindow used to bring it forward. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
}

/** Restores, shows and focuses a window (also from the tray or a notification). */
export function bringToFront(window: FocusableWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Takes the single-instance lock. Returns false when another instance holds it; this one
 * has then asked to quit and should do nothing more.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  getWindow: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => bringToFront(getWindow()));
  return true;
}
