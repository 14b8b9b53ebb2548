import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createDesktopApi } from './desktop-api';

const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  return {
    emitter,
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]) => 'answer' as unknown),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) =>
      emitter.on(channel, listener),
    ),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) =>
      emitter.removeListener(channel, listener),
    ),
  };
}

describe('desktop api (preload)', () => {
  it('exposes named functions only, one per channel', () => {
    const api = createDesktopApi(fakeIpcRenderer());
    expect(Object.keys(api).sort()).toEqual([
      'clearNotification',
      'getAppInfo',
      'getSettings',
      'isDesktop',
      'notifyCritical',
      'onFocusCase',
      'onMenuCommand',
      'setCriticalCount',
      'setSettings',
      'signInWithProvider',
    ]);
    expect(api.isDesktop).toBe(true);
    expect(Object.values(api).some((value) => value && typeof value === 'object')).toBe(false);
  });

  it('invokes the contract channels with one argument', async () => {
    const ipc = fakeIpcRenderer();
    const api = createDesktopApi(ipc);
    await api.setCriticalCount(4);
    await api.getAppInfo();
    await api.clearNotification({ all: true });
    await api.setSettings({ language: 'nb' });
    expect(ipc.invoke.mock.calls).toEqual([
      ['tray:setCriticalCount', { count: 4 }],
      ['app:getInfo', undefined],
      ['notify:clear', { all: true }],
      ['settings:set', { language: 'nb' }],
    ]);
  });

  it('passes on only events that match the contract, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const api = createDesktopApi(ipc);
    const listener = vi.fn();
    const stop = api.onFocusCase(listener);
    ipc.emitter.emit('window:focusCase', {}, { caseId });
    ipc.emitter.emit('window:focusCase', {}, { caseId: 'not-a-uuid' });
    ipc.emitter.emit('window:focusCase', {}, { caseId, extra: '<script>' });
    expect(listener.mock.calls).toEqual([[{ caseId }]]);
    stop();
    ipc.emitter.emit('window:focusCase', {}, { caseId });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.emitter.listenerCount('window:focusCase')).toBe(0);
    expect(() => api.onMenuCommand('x' as never)).toThrow(TypeError);
  });
});
