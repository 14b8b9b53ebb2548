/**
 * Electron entry point. Kept thin: it wires Electron's real API into modules that take it
 * as an argument (and are unit-tested with stand-ins).
 *
 * The window shows the bundled renderer (out/renderer) on the app's own scheme,
 * saksbord://app/, and the renderer syncs with the server address from the settings
 * (default http://127.0.0.1:4300). Under `electron-vite dev` it shows the dev server instead.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  net,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import type { EventChannel, EventPayload } from '../core/ipc';
import { appMenuTemplate } from './app-menu';
import { isAppUrl } from './app-origin';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { buildContentSecurityPolicy, httpOrigin } from './content-security-policy';
import { registerIpcHandlers, sendEvent } from './ipc';
import { mainTexts } from './main-texts';
import { createCriticalNotifier, setNotificationIdentity } from './notifications';
import { createSecureWindow } from './secure-window';
import { createSettingsStore } from './settings-store';
import { bringToFront, claimSingleInstance } from './single-instance';
import { createCriticalTray, keepRunningInTray } from './tray';
import { loadWindowState, trackWindowState } from './window-state';

/** Set by `electron-vite dev`: the renderer's dev server. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ?? `${APP_ORIGIN}/`;
/** Icons: beside the app in a packaged build (extraResources), resources/ in the source tree. */
const iconDir = app.isPackaged
  ? join(process.resourcesPath, 'icons')
  : join(import.meta.dirname, '../../resources');
const icon = (name: string) => join(iconDir, name);
const warn = (message: string) => console.warn(`saksbord: ${message}`);

let mainWindow: BrowserWindow | undefined;

function send<C extends EventChannel>(channel: C, payload: EventPayload<C>) {
  if (mainWindow && !mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, channel, payload);
}

async function start() {
  await app.whenReady();
  const userData = app.getPath('userData');
  const settings = createSettingsStore(join(userData, 'settings.json'), warn);
  const policy = () =>
    buildContentSecurityPolicy({
      connectOrigins: [httpOrigin(settings.get().serverUrl)].filter((o) => o !== undefined),
      dev: devServerUrl !== undefined,
    });

  serveRenderer(
    { protocol, fetchFile: (url) => net.fetch(url) },
    { rendererDir: join(import.meta.dirname, '../renderer'), policy },
  );
  // Any other web contents (there should be none) gets no new windows either.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const stateFile = join(userData, 'window-state.json');
  const state = loadWindowState(stateFile, screen, warn);
  const window = createSecureWindow(
    {
      createWindow: (options) => new BrowserWindow(options),
      shell,
      session: session.defaultSession,
    },
    {
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      appOrigin,
      contentSecurityPolicy: policy,
      bounds: { x: state.x, y: state.y, width: state.width, height: state.height },
      icon: icon('icon.png'),
    },
  );
  mainWindow = window;
  if (state.maximized) window.maximize();
  trackWindowState(window, stateFile, { warn });
  keepRunningInTray(window, app);

  const notifier = createCriticalNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    getWindow: () => mainWindow,
    focusCase: (caseId) => send('window:focusCase', { caseId }),
    icon: icon('notification.png'),
  });
  const show = () => bringToFront(mainWindow);
  // macOS: clicking the Dock icon shows the window hidden to the tray.
  app.on('activate', show);
  const tray = createCriticalTray(
    {
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
    },
    {
      icons: { normal: icon('tray.png'), alert: icon('tray-alert.png') },
      texts: mainTexts(settings.get().language).tray,
      onShow: show,
      onQuit: () => app.quit(),
    },
  );
  const applyMenu = () => {
    const texts = mainTexts(settings.get().language).menu;
    const template = appMenuTemplate({
      texts,
      send: (command) => {
        show();
        send('menu:command', { command });
      },
      isDev: !app.isPackaged,
      platform: process.platform,
      onAbout: () =>
        void dialog.showMessageBox(window, {
          type: 'info',
          title: texts.about,
          message: `Saksbord ${app.getVersion()}`,
          detail: `Electron ${process.versions.electron} · ${process.platform}`,
        }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  applyMenu();

  settings.onChange((next, previous) => {
    if (next.language !== previous.language) {
      applyMenu();
      tray.setTexts(mainTexts(next.language).tray);
    }
  });

  registerIpcHandlers(
    ipcMain,
    {
      'notify:critical': (notification) => notifier.show(notification),
      'notify:clear': (which) => notifier.clear(which),
      'tray:setCriticalCount': ({ count }) => tray.setCriticalCount(count),
      'app:getInfo': () => ({
        version: app.getVersion(),
        platform: process.platform,
        electron: process.versions.electron ?? '',
        isPackaged: app.isPackaged,
      }),
      'settings:get': () => settings.get(),
      'settings:set': (patch) => settings.set(patch),
    },
    { isTrustedSender: (url) => isAppUrl(appOrigin, url) },
  );

  await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

// Tests and side-by-side runs keep their own profile (settings, window state, IndexedDB).
if (process.env.SAKSBORD_USER_DATA) app.setPath('userData', process.env.SAKSBORD_USER_DATA);
registerAppScheme(protocol);
setNotificationIdentity(app, process.platform);
if (claimSingleInstance(app, () => mainWindow)) {
  start().catch((error: unknown) => {
    console.error('saksbord: could not start', error);
    app.exit(1);
  });
}
