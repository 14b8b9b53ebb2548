/**
 * Electron entry point. Kept thin: it hands Electron's real API to startDesktopApp
 * (desktop-app.ts), which puts together modules that are unit-tested with stand-ins.
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
import { registerAppScheme } from './app-protocol';
import { type DesktopApp, startDesktopApp } from './desktop-app';
import { setNotificationIdentity } from './notifications';
import { claimSingleInstance } from './single-instance';

let desktop: DesktopApp | undefined;

async function start() {
  await app.whenReady();
  desktop = startDesktopApp({
    app,
    ipcMain,
    screen,
    shell,
    protocol,
    session: session.defaultSession,
    fetchFile: (url) => net.fetch(url),
    createWindow: (options) => new BrowserWindow(options),
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    setApplicationMenu: (menu) => Menu.setApplicationMenu(menu),
    notifications: {
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
    },
    showAbout: (window, text) => void dialog.showMessageBox(window, { type: 'info', ...text }),
    process: { platform: process.platform, electronVersion: process.versions.electron ?? '' },
    paths: {
      rendererDir: join(import.meta.dirname, '../renderer'),
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      // Beside the app in a packaged build (extraResources), resources/ in the source tree.
      iconDir: app.isPackaged
        ? join(process.resourcesPath, 'icons')
        : join(import.meta.dirname, '../../resources'),
    },
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    warn: (message) => console.warn(`saksbord: ${message}`),
  });
  await desktop.loaded;
}

// Tests and side-by-side runs keep their own profile (settings, window state, IndexedDB).
if (process.env.SAKSBORD_USER_DATA) app.setPath('userData', process.env.SAKSBORD_USER_DATA);
registerAppScheme(protocol);
setNotificationIdentity(app, process.platform);
if (claimSingleInstance(app, () => desktop?.window)) {
  start().catch((error: unknown) => {
    console.error('saksbord: could not start', error);
    app.exit(1);
  });
}
