import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from './app-origin';
import { type IpcHandlers, type IpcMainLike, registerIpcHandlers, sendEvent } from './ipc';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

/** A stand-in for ipcMain that lets the test invoke handlers as a renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => listeners.delete(channel)),
  };
  const invoke = async (
    channel: string,
    args: unknown[],
    frame: { url: string; parent: unknown } | null = { url: appPage, parent: null },
  ) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frame, sender: { id: 1 } }, ...args);
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, listeners, invoke };
}

const appRoot = 'file:///opt/Saksbord/resources/app.asar/out/renderer/index.html';
const appPage = `${appRoot}#/board`;
const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'notify:critical': vi.fn(() => ({ shown: true })),
    'notify:clear': vi.fn(() => undefined),
    'tray:setCriticalCount': vi.fn(() => undefined),
    'app:getInfo': vi.fn(() => ({
      version: '0.1.0',
      platform: 'win32',
      electron: '45.4.1',
      isPackaged: true,
    })),
    'settings:get': vi.fn(() => ({ serverUrl: 'http://127.0.0.1:4300', language: 'nn' as const })),
    'settings:set': vi.fn((patch) => ({
      serverUrl: patch.serverUrl ?? 'http://127.0.0.1:4300',
      language: patch.language ?? ('nn' as const),
    })),
    'auth:signInWithProvider': vi.fn(() => ({ ok: false as const, reason: 'failed' as const })),
    ...overrides,
  };
}

const options = { isTrustedSender: (url: string) => isAppUrl(appRoot, url) };

describe('registerIpcHandlers', () => {
  it('registers every contract channel once and removes them again', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const dispose = registerIpcHandlers(ipcMain, handlers(), options);
    expect([...listeners.keys()].sort()).toEqual([
      'app:getInfo',
      'auth:signInWithProvider',
      'notify:clear',
      'notify:critical',
      'settings:get',
      'settings:set',
      'tray:setCriticalCount',
    ]);
    dispose();
    expect(listeners.size).toBe(0);
  });

  it('passes a parsed request to the handler and returns its checked answer', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const h = handlers();
    registerIpcHandlers(ipcMain, h, options);
    await expect(invoke('tray:setCriticalCount', [{ count: 2 }])).resolves.toBeUndefined();
    expect(h['tray:setCriticalCount']).toHaveBeenCalledWith({ count: 2 }, { sender: { id: 1 } });
    await expect(invoke('settings:set', [{ language: 'en' }])).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:4300',
      language: 'en',
    });
  });

  it('refuses a malformed payload with a clear error and never calls the handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const h = handlers();
    registerIpcHandlers(ipcMain, h, options);
    await expect(invoke('tray:setCriticalCount', [{ count: 'many' }])).rejects.toThrow(
      /invalid payload on IPC channel 'tray:setCriticalCount': count/,
    );
    await expect(invoke('notify:critical', [{ caseId }])).rejects.toThrow(/notify:critical/);
    await expect(invoke('settings:set', [{ serverUrl: 'file:///etc/passwd' }])).rejects.toThrow(
      /serverUrl/,
    );
    await expect(invoke('tray:setCriticalCount', [{ count: 1 }, 'extra'])).rejects.toThrow(
      /one argument/,
    );
    expect(h['tray:setCriticalCount']).not.toHaveBeenCalled();
    expect(h['settings:set']).not.toHaveBeenCalled();
  });

  it('refuses foreign senders, sub-frames and vanished frames', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const h = handlers();
    registerIpcHandlers(ipcMain, h, options);
    const foreign = { url: 'https://evil.example/', parent: null };
    await expect(invoke('app:getInfo', [], foreign)).rejects.toThrow(
      /sender "https:\/\/evil.example\/" is not the Saksbord app/,
    );
    const otherFile = { url: 'file:///home/user/Downloads/x.html', parent: null };
    await expect(invoke('app:getInfo', [], otherFile)).rejects.toThrow(/not the Saksbord app/);
    const subFrame = { url: appPage, parent: { url: appPage } };
    await expect(invoke('app:getInfo', [], subFrame)).rejects.toThrow(/top frame/);
    await expect(invoke('app:getInfo', [], null)).rejects.toThrow(/frame is gone/);
    expect(h['app:getInfo']).not.toHaveBeenCalled();
    await expect(invoke('app:getInfo', [])).resolves.toMatchObject({ platform: 'win32' });
  });

  it('reports a handler that answers outside the contract as a bug in main', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const bad = handlers({ 'app:getInfo': () => ({ version: 1 }) as never });
    registerIpcHandlers(ipcMain, bad, options);
    await expect(invoke('app:getInfo', [])).rejects.toThrow(/main answered invalid payload/);
  });
});

describe('sendEvent', () => {
  it('sends a checked payload and skips destroyed pages', () => {
    const target = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    sendEvent(target, 'window:focusCase', { caseId });
    expect(target.send).toHaveBeenCalledWith('window:focusCase', { caseId });
    expect(() => sendEvent(target, 'menu:command', { command: 'format' as never })).toThrow();
    target.isDestroyed.mockReturnValue(true);
    sendEvent(target, 'menu:command', { command: 'board' });
    expect(target.send).toHaveBeenCalledTimes(1);
  });
});

describe('isAppUrl', () => {
  it('keeps file roots to their folder and http roots to their origin', () => {
    expect(isAppUrl(appRoot, appPage)).toBe(true);
    expect(isAppUrl(appRoot, 'file:///opt/Saksbord/resources/app.asar/out/renderer/a/b.html')).toBe(
      true,
    );
    expect(isAppUrl(appRoot, 'file:///opt/Saksbord/resources/app.asar/out/renderer/../x')).toBe(
      false,
    );
    expect(isAppUrl(appRoot, 'file:///opt/Saksbord/resources/app.asar/out/rendererX/a')).toBe(
      false,
    );
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173/x')).toBe(true);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false);
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
  });
});
