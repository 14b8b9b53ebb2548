import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell } from 'electron';

/** The parts of Electron's API this module needs, passed in so tests can hand in a stand-in. */
export interface SecureWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  session: Pick<Session, 'setPermissionRequestHandler'>;
}

export interface SecureWindowOptions {
  preloadPath: string;
  /** The only origin the window may show (the built renderer or the dev server). */
  appOrigin: string;
}

/** Links to these schemes may be handed to the system browser; everything else is dropped. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Creates the main window with Electron's secure defaults: isolated, sandboxed, no Node in
 * the page; navigation and new windows denied (http(s) links go to the system browser);
 * every permission request denied except notifications.
 */
export function createSecureWindow(deps: SecureWindowDeps, options: SecureWindowOptions) {
  const window = deps.createWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Saksbord',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void deps.shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(options.appOrigin)) {
      event.preventDefault();
      if (isExternalLinkAllowed(url)) void deps.shell.openExternal(url);
    }
  });
  deps.session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'notifications');
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
