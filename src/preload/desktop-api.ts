/**
 * `window.api`: the named functions the renderer may call in the desktop app, one per IPC
 * channel of the contract. Never raw `ipcRenderer`: the page can only do what is listed
 * here, and every event is checked against the contract before the page sees it.
 *
 * No Electron import here (only the shape of `ipcRenderer`), so the renderer's type-check
 * can read this file through index.d.ts without Electron's types.
 */
import {
  type EventChannel,
  type EventPayload,
  eventChannels,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '@core/ipc/ipc-contract';

/** The parts of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Stops a subscription. */
export type Unsubscribe = () => void;

export function createDesktopApi(ipc: IpcRendererLike) {
  const invoke = <C extends InvokeChannel>(channel: C, request: InvokeRequest<C>) =>
    ipc.invoke(channel, request) as Promise<InvokeResponse<C>>;

  const subscribe = <C extends EventChannel>(
    channel: C,
    listener: (payload: EventPayload<C>) => void,
  ): Unsubscribe => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const wrapped = (_event: unknown, payload: unknown) => {
      const parsed = eventChannels[channel].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<C>);
    };
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };

  return {
    /** True inside the desktop app; the renderer checks it to choose desktop or web mode. */
    isDesktop: true as const,
    /** Native notification with sound for a critical case (`notify:critical`). */
    notifyCritical: (notification: InvokeRequest<'notify:critical'>) =>
      invoke('notify:critical', notification),
    /** Takes away the notification of one case, or all (`notify:clear`). */
    clearNotification: (which: InvokeRequest<'notify:clear'>) => invoke('notify:clear', which),
    /** How many critical cases are open, for the tray icon (`tray:setCriticalCount`). */
    setCriticalCount: (count: number) => invoke('tray:setCriticalCount', { count }),
    /** Version and platform (`app:getInfo`). */
    getAppInfo: () => invoke('app:getInfo', undefined),
    /** Server address and language (`settings:get`). */
    getSettings: () => invoke('settings:get', undefined),
    /**
     * Changes settings (`settings:set`). The page may always reach https servers and ones
     * on this computer; a plain-http server elsewhere is allowed from the next page load.
     */
    setSettings: (patch: InvokeRequest<'settings:set'>) => invoke('settings:set', patch),
    /**
     * Signs in with an identity provider of the configured server in the system browser
     * (`auth:signInWithProvider`); resolves when the person is back, with the session.
     */
    signInWithProvider: (request: InvokeRequest<'auth:signInWithProvider'>) =>
      invoke('auth:signInWithProvider', request),
    /** A notification was clicked: open this case (`window:focusCase`). */
    onFocusCase: (listener: (payload: EventPayload<'window:focusCase'>) => void) =>
      subscribe('window:focusCase', listener),
    /** An app-menu command or shortcut: newCase, search, board, settings (`menu:command`). */
    onMenuCommand: (listener: (payload: EventPayload<'menu:command'>) => void) =>
      subscribe('menu:command', listener),
  };
}

export type DesktopApi = ReturnType<typeof createDesktopApi>;
