/**
 * Registers the offline shell (public/sw.js) in web mode, so a browser tab reloads without
 * network. Not in the desktop app: it loads from its own saksbord:// scheme, where service
 * workers do not run and are not needed. Browser APIs are passed in, for tests.
 */
export interface OfflineShellHost {
  protocol: string;
  serviceWorker?: { register(url: string): Promise<unknown> };
  /** Vite's production flag: in development the dev server serves fresh modules. */
  production: boolean;
}

/** Returns whether registration was started; a failure only costs offline reloads. */
export function registerOfflineShell(host: OfflineShellHost, warn = console.warn): boolean {
  if (!host.production || !host.serviceWorker) return false;
  if (host.protocol !== 'http:' && host.protocol !== 'https:') return false;
  host.serviceWorker.register('./sw.js').catch((error: unknown) => {
    warn('Saksbord: the offline shell could not be registered', error);
  });
  return true;
}
