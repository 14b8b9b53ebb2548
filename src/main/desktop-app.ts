/**
 * The desktop app put together: settings, the app scheme, the secure window, notifications,
 * tray, menu and IPC handlers. Takes every piece of Electron it uses as an argument, so the
 * wiring itself is unit-tested with stand-ins (desktop-app.test.ts); index.ts hands in the
 * real API.
 */
import { join } from 'node:path';
import type { EventChannel, EventPayload } from '@core/ipc';
import type {
  App,
  BrowserWindow,
  Menu,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
} from 'electron';
import { appMenuTemplate } from './app-menu';
import { isAppUrl } from './app-origin';
import { APP_ENTRY_URL, APP_ORIGIN, type AppProtocolDeps, serveRenderer } from './app-protocol';
import { buildContentSecurityPolicy, httpOrigin } from './content-security-policy';
import { makePrivate } from './data-permissions';
import { type IpcMainLike, registerIpcHandlers, sendEvent } from './ipc';
import { signInWithProvider } from './loopback-sign-in';
import { mainTexts } from './main-texts';
import {
  type CriticalNotifier,
  createCriticalNotifier,
  type NotificationLike,
} from './notifications';
import { createSecureWindow, type SecureWindowDeps } from './secure-window';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { bringToFront } from './single-instance';
import { type CriticalTray, createCriticalTray, keepRunningInTray, type TrayDeps } from './tray';
import { loadWindowState, type ScreenLike, trackWindowState } from './window-state';

export interface DesktopAppDeps extends SecureWindowDeps, AppProtocolDeps, TrayDeps {
  app: Pick<App, 'getPath' | 'getVersion' | 'isPackaged' | 'quit'> & {
    on(event: string, listener: (...args: never[]) => void): unknown;
  };
  ipcMain: IpcMainLike;
  screen: ScreenLike;
  notifications: {
    isSupported: () => boolean;
    create: (options: NotificationConstructorOptions) => NotificationLike;
  };
  setApplicationMenu: (menu: Menu) => void;
  showAbout: (
    window: BrowserWindow,
    text: { title: string; message: string; detail: string },
  ) => void;
  process: { platform: string; electronVersion: string };
  paths: {
    /** out/renderer: the bundled renderer. */
    rendererDir: string;
    /** out/preload/index.cjs. */
    preloadPath: string;
    /** Folder with icon.png, tray*.png, notification.png. */
    iconDir: string;
  };
  /** `electron-vite dev`'s renderer server; undefined in a built app. */
  devServerUrl?: string;
  warn?: (message: string) => void;
}

export interface DesktopApp {
  window: BrowserWindow;
  settings: SettingsStore;
  notifier: CriticalNotifier;
  tray: CriticalTray;
  /** Resolves when the window has loaded the app. */
  loaded: Promise<void>;
}

/** Call once the app is ready. */
export function startDesktopApp(deps: DesktopAppDeps): DesktopApp {
  const { app, paths } = deps;
  const warn = deps.warn ?? (() => {});
  const appOrigin = deps.devServerUrl ?? `${APP_ORIGIN}/`;
  const icon = (name: string) => join(paths.iconDir, name);
  const userData = app.getPath('userData');
  // Cases, names and phone numbers live here: the owner's alone (0700/0600).
  try {
    makePrivate(userData);
  } catch (error) {
    warn(`could not make ${userData} private: ${(error as Error).message}`);
  }

  const settings = createSettingsStore(join(userData, 'settings.json'), warn);
  const policy = () =>
    buildContentSecurityPolicy({
      connectOrigins: [httpOrigin(settings.get().serverUrl)].filter((o) => o !== undefined),
      dev: deps.devServerUrl !== undefined,
    });
  serveRenderer(deps, { rendererDir: paths.rendererDir, policy });
  // Any other web contents (there should be none) gets no new windows either.
  app.on('web-contents-created', (_event: unknown, contents: BrowserWindow['webContents']) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const stateFile = join(userData, 'window-state.json');
  const state = loadWindowState(stateFile, deps.screen, warn);
  const window = createSecureWindow(deps, {
    preloadPath: paths.preloadPath,
    appOrigin,
    contentSecurityPolicy: policy,
    bounds: { x: state.x, y: state.y, width: state.width, height: state.height },
    icon: icon('icon.png'),
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile, { warn });
  keepRunningInTray(window, app as never);

  const send = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
    if (!window.isDestroyed()) sendEvent(window.webContents, channel, payload);
  };
  const show = () => bringToFront(window);
  // macOS: clicking the Dock icon shows the window hidden to the tray.
  app.on('activate', show);

  const notifier = createCriticalNotifier({
    ...deps.notifications,
    getWindow: () => window,
    focusCase: (caseId) => send('window:focusCase', { caseId }),
    icon: icon('notification.png'),
  });
  const tray = createCriticalTray(deps, {
    icons: { normal: icon('tray.png'), alert: icon('tray-alert.png') },
    texts: mainTexts(settings.get().language).tray,
    onShow: show,
    onQuit: () => app.quit(),
  });

  const applyMenu = () => {
    const texts = mainTexts(settings.get().language).menu;
    const template: MenuItemConstructorOptions[] = appMenuTemplate({
      texts,
      send: (command) => {
        show();
        send('menu:command', { command });
      },
      isDev: !app.isPackaged,
      platform: deps.process.platform,
      onAbout: () =>
        deps.showAbout(window, {
          title: texts.about,
          message: `Saksbord ${app.getVersion()}`,
          detail: `Electron ${deps.process.electronVersion} · ${deps.process.platform}`,
        }),
    });
    deps.setApplicationMenu(deps.buildMenu(template));
  };
  applyMenu();
  settings.onChange((next, previous) => {
    if (next.language !== previous.language) {
      applyMenu();
      tray.setTexts(mainTexts(next.language).tray);
    }
  });

  registerIpcHandlers(
    deps.ipcMain,
    {
      'notify:critical': (notification) => notifier.show(notification),
      'notify:clear': (which) => notifier.clear(which),
      'tray:setCriticalCount': ({ count }) => tray.setCriticalCount(count),
      'app:getInfo': () => ({
        version: app.getVersion(),
        platform: deps.process.platform,
        electron: deps.process.electronVersion,
        isPackaged: app.isPackaged,
      }),
      'settings:get': () => settings.get(),
      'settings:set': (patch) => settings.set(patch),
      // Always the configured server (the window's CSP names it), never one the page names.
      'auth:signInWithProvider': ({ providerId, deviceId }) =>
        signInWithProvider(
          { serverUrl: settings.get().serverUrl, providerId, deviceId },
          { openExternal: (url) => deps.shell.openExternal(url) },
        ),
    },
    { isTrustedSender: (url) => isAppUrl(appOrigin, url) },
  );

  const loaded = window.loadURL(deps.devServerUrl ?? APP_ENTRY_URL);
  return { window, settings, notifier, tray, loaded };
}
