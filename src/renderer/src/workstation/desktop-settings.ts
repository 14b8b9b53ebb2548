import type { Locale } from '@core/config/localized-text';

/**
 * Desktop-only settings through the preload: the server address lives in the main process
 * (the window's Content-Security-Policy names it, so changing it reloads the window) and the
 * language is shared with the app menu and tray. In a browser these do nothing.
 */

/** The server address the desktop app is set to, or null in a browser. */
export async function desktopServerUrl(): Promise<string | null> {
  const api = globalThis.window?.api;
  if (!api?.isDesktop) return null;
  try {
    return (await api.getSettings()).serverUrl;
  } catch {
    return null;
  }
}

/**
 * Before signing in to `serverUrl` on the desktop: if it is not the configured server, store
 * it (main reloads the window) and answer false — the user signs in again after the reload.
 */
export async function ensureDesktopServer(serverUrl: string): Promise<boolean> {
  const api = globalThis.window?.api;
  if (!api?.isDesktop) return true;
  const current = await desktopServerUrl();
  if (current?.replace(/\/+$/, '') === serverUrl) return true;
  await api.setSettings({ serverUrl });
  return false;
}

/** Tells main the chosen language (menu, tray, dialogs). */
export function shareDesktopLanguage(language: Locale): void {
  const api = globalThis.window?.api;
  if (api?.isDesktop) void api.setSettings({ language }).catch(() => {});
}
