import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Rectangle,
  Session,
  Shell,
} from 'electron';
import { isAppUrl, isExternalLinkAllowed } from './app-origin';
import { withPolicyHeader } from './content-security-policy';

export { isExternalLinkAllowed } from './app-origin';

/** The parts of Electron's API this module needs, passed in so tests can hand in a stand-in. */
export interface SecureWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
  };
}

export interface SecureWindowOptions {
  preloadPath: string;
  /** The app's own pages (`saksbord://app/` or the dev server); nothing else may be shown. */
  appOrigin: string;
  /** The Content-Security-Policy, read for each response (it follows the server address). */
  contentSecurityPolicy: () => string;
  /** Where the window was last (see window-state.ts); centred at the default size if absent. */
  bounds?: Partial<Rectangle>;
  icon?: string;
}

/** Only notifications may be asked for; camera, location, clipboard etc. are all refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/**
 * Installs the session-wide rules: the CSP header on every response, and permissions
 * denied except notifications (both when a page asks and when it merely checks).
 */
export function secureSession(deps: Pick<SecureWindowDeps, 'session'>, policy: () => string) {
  deps.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withPolicyHeader(details.responseHeaders, policy()) });
  });
  deps.session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  deps.session.setPermissionCheckHandler((_contents, permission) =>
    ALLOWED_PERMISSIONS.has(permission),
  );
}

/**
 * Creates the main window with Electron's secure defaults: isolated, sandboxed, no Node in
 * the page, a strict CSP; navigation away from the app and new windows denied (http(s)
 * links go to the system browser, anything else is dropped); `<webview>` refused; every
 * permission request denied except notifications.
 */
export function createSecureWindow(deps: SecureWindowDeps, options: SecureWindowOptions) {
  secureSession(deps, options.contentSecurityPolicy);
  const window = deps.createWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    ...options.bounds,
    show: false,
    title: 'Saksbord',
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  const openOutside = (url: string) => {
    if (isExternalLinkAllowed(url)) void deps.shell.openExternal(url);
  };
  window.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppUrl(options.appOrigin, url)) {
      event.preventDefault();
      openOutside(url);
    }
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(options.appOrigin, url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  return window;
}
