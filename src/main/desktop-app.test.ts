import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DesktopAppDeps, startDesktopApp } from './desktop-app';

type Listener = (event: unknown, ...args: unknown[]) => unknown;
const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const appPage = 'saksbord://app/index.html#/board';

/** A stand-in for the whole of Electron that the desktop app touches. */
function fakeElectron(userData: string) {
  const handlers = new Map<string, Listener>();
  const app = Object.assign(new EventEmitter(), {
    getPath: vi.fn(() => userData),
    getVersion: () => '0.1.0',
    isPackaged: true,
    quit: vi.fn(),
  });
  const webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
    send: vi.fn(),
    isDestroyed: () => false,
  });
  const window = Object.assign(new EventEmitter(), {
    webContents,
    loadURL: vi.fn(async () => undefined),
    show: vi.fn(),
    hide: vi.fn(),
    focus: vi.fn(),
    restore: vi.fn(),
    maximize: vi.fn(),
    flashFrame: vi.fn(),
    isMinimized: () => false,
    isDestroyed: () => false,
    isMaximized: () => false,
    isFullScreen: () => false,
    getNormalBounds: () => ({ x: 0, y: 0, width: 1400, height: 900 }),
  });
  const tray = Object.assign(new EventEmitter(), {
    setToolTip: vi.fn(),
    setImage: vi.fn(),
    setContextMenu: vi.fn(),
    setTitle: vi.fn(),
    destroy: vi.fn(),
  });
  const notifications: (EventEmitter & { options: unknown; show: () => void })[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  const deps = {
    app,
    ipcMain: {
      handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    shell: { openExternal: vi.fn() },
    protocol: { handle: vi.fn() },
    session: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
    fetchFile: vi.fn(),
    createWindow: vi.fn(() => window),
    createTray: vi.fn(() => tray),
    buildMenu: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: vi.fn((menu: MenuItemConstructorOptions[]) => menus.push(menu)),
    notifications: {
      isSupported: () => true,
      create: (options: unknown) => {
        const n = Object.assign(new EventEmitter(), { options, show: vi.fn(), close: vi.fn() });
        notifications.push(n);
        return n;
      },
    },
    showAbout: vi.fn(),
    process: { platform: 'win32', electronVersion: '45.4.1' },
    paths: {
      rendererDir: '/app/out/renderer',
      preloadPath: '/app/out/preload/index.cjs',
      iconDir: '/app/icons',
    },
  } as unknown as DesktopAppDeps;
  const invoke = (channel: string, arg?: unknown, url = appPage) =>
    Promise.resolve(
      handlers.get(channel)!({ senderFrame: { url, parent: null }, sender: webContents }, arg),
    );
  const menuItem = (label: string) =>
    menus
      .at(-1)!
      .flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
      .find((item) => item.label === label);
  return { deps, app, window, webContents, tray, notifications, menus, invoke, menuItem };
}

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'saksbord-desktop-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('startDesktopApp', () => {
  it('opens the bundled renderer on the app scheme in a secure window', async () => {
    const electron = fakeElectron(userData);
    const desktop = startDesktopApp(electron.deps);
    await desktop.loaded;
    expect(electron.window.loadURL).toHaveBeenCalledWith('saksbord://app/index.html');
    expect(electron.deps.protocol.handle).toHaveBeenCalledWith('saksbord', expect.any(Function));
    const options = vi.mocked(electron.deps.createWindow).mock.calls[0]![0];
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(vi.mocked(electron.deps.createTray).mock.calls[0]![0]).toBe('/app/icons/tray.png');
    expect(electron.menuItem('Ny sak')?.accelerator).toBe('CmdOrCtrl+N');
  });

  it('counts critical cases in the tray from the renderer', async () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    await electron.invoke('tray:setCriticalCount', { count: 2 });
    expect(electron.tray.setToolTip).toHaveBeenLastCalledWith('Saksbord – 2 kritiske saker opne');
    expect(electron.tray.setImage).toHaveBeenLastCalledWith('/app/icons/tray-alert.png');
  });

  it('shows a critical notification whose click opens the case in the renderer', async () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    await expect(
      electron.invoke('notify:critical', {
        caseId,
        number: null,
        title: 'Fagsystem nede',
        municipality: 'Kommune A',
        onCall: true,
        text: { heading: 'Kritisk sak (vakt)', body: 'Fagsystem nede – Kommune A' },
      }),
    ).resolves.toEqual({ shown: true });
    expect(electron.notifications).toHaveLength(1);
    electron.notifications[0]!.emit('click');
    expect(electron.window.focus).toHaveBeenCalled();
    expect(electron.webContents.send).toHaveBeenCalledWith('window:focusCase', { caseId });
  });

  it('sends menu commands to the renderer', () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    electron.menuItem('Søk')?.click?.(undefined as never, undefined, undefined as never);
    expect(electron.webContents.send).toHaveBeenCalledWith('menu:command', { command: 'search' });
  });

  it('saves settings and follows a language change in menu and tray', async () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    await expect(electron.invoke('settings:get')).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:4300',
      language: 'nn',
    });
    await electron.invoke('settings:set', { language: 'en' });
    expect(electron.menuItem('New case')?.accelerator).toBe('CmdOrCtrl+N');
    expect(electron.tray.setToolTip).toHaveBeenLastCalledWith('Saksbord – no open critical cases');
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).language).toBe('en');
  });

  it('signs in with a provider only at the configured server, in the system browser', async () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    const fetched: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        fetched.push(url);
        return new Response('{}', { status: 503 });
      }),
    );
    try {
      await expect(
        electron.invoke('auth:signInWithProvider', { providerId: 'molde', deviceId: 'pc-1' }),
      ).resolves.toEqual({ ok: false, reason: 'unavailable' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetched).toEqual(['http://127.0.0.1:4300/api/v1/auth/oidc/molde/start']);
    expect(electron.deps.shell.openExternal).not.toHaveBeenCalled();
    // The page cannot name another server.
    await expect(
      electron.invoke('auth:signInWithProvider', {
        providerId: 'molde',
        deviceId: 'pc-1',
        serverUrl: 'https://evil.example',
      }),
    ).rejects.toThrow();
  });

  it('refuses IPC from pages that are not the app', async () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    await expect(
      electron.invoke('tray:setCriticalCount', { count: 1 }, 'https://evil.example/'),
    ).rejects.toThrow(/not the Saksbord app/);
  });

  it('hides to the tray on close and quits from the tray menu', () => {
    const electron = fakeElectron(userData);
    startDesktopApp(electron.deps);
    const preventDefault = vi.fn();
    electron.window.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(electron.window.hide).toHaveBeenCalled();
    const trayMenu = electron.tray.setContextMenu.mock.calls.at(
      -1,
    )![0] as MenuItemConstructorOptions[];
    trayMenu
      .find((item) => item.label === 'Avslutt')
      ?.click?.(undefined as never, undefined, undefined as never);
    expect(electron.app.quit).toHaveBeenCalled();
  });
});
