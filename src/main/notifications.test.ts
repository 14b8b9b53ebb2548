import { EventEmitter } from 'node:events';
import type { CriticalNotification } from '@core/ipc';
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_USER_MODEL_ID,
  createCriticalNotifier,
  type NotificationLike,
  setNotificationIdentity,
} from './notifications';

const caseA = '0f8fad5b-d9cb-469f-a165-70867728950e';
const caseB = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const alert = (caseId: string, onCall = false): CriticalNotification => ({
  caseId,
  number: '2026-00042',
  title: 'Fagsystem nede',
  municipality: 'Kommune A',
  onCall,
  text: {
    heading: onCall ? 'Kritisk sak 2026-00042 (vakt)' : 'Kritisk sak 2026-00042',
    body: 'Fagsystem nede – Kommune A',
  },
});

function setup(supported = true) {
  const made: (NotificationLike & EventEmitter & { options: NotificationConstructorOptions })[] =
    [];
  const window = {
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    isDestroyed: () => false,
    flashFrame: vi.fn(),
  };
  const focusCase = vi.fn();
  const notifier = createCriticalNotifier({
    isSupported: () => supported,
    create: (options) => {
      const n = Object.assign(new EventEmitter(), {
        options,
        show: vi.fn(),
        close: vi.fn(function (this: EventEmitter) {
          this.emit('close');
        }),
      });
      made.push(n as never);
      return n as never;
    },
    getWindow: () => window,
    focusCase,
    icon: '/res/notification.png',
  });
  return { notifier, made, window, focusCase };
}

describe('critical notifications', () => {
  it('shows a sticky notification with sound and the renderer’s texts', () => {
    const { notifier, made, window } = setup();
    expect(notifier.show(alert(caseA, true))).toEqual({ shown: true });
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({
      title: 'Kritisk sak 2026-00042 (vakt)',
      body: 'Fagsystem nede – Kommune A',
      silent: false,
      urgency: 'critical',
      timeoutType: 'never',
      icon: '/res/notification.png',
    });
    expect(made[0]!.show).toHaveBeenCalled();
    expect(window.flashFrame).toHaveBeenCalledWith(true);
  });

  it('on click restores and focuses the window and asks the renderer to open the case', () => {
    const { notifier, made, window, focusCase } = setup();
    notifier.show(alert(caseA));
    made[0]!.emit('click');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(focusCase).toHaveBeenCalledWith(caseA);
    expect(notifier.openCaseIds()).toEqual([]);
  });

  it('replaces a repeat for the same case and clears one or all', () => {
    const { notifier, made, window } = setup();
    notifier.show(alert(caseA));
    notifier.show(alert(caseA));
    expect(made[0]!.close).toHaveBeenCalled();
    expect(notifier.openCaseIds()).toEqual([caseA]);
    notifier.show(alert(caseB));
    notifier.clear({ caseId: caseA });
    expect(made[1]!.close).toHaveBeenCalled();
    expect(notifier.openCaseIds()).toEqual([caseB]);
    notifier.clear({ all: true });
    expect(notifier.openCaseIds()).toEqual([]);
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
  });

  it('says so when the system has no notifications', () => {
    const { notifier, made } = setup(false);
    expect(notifier.show(alert(caseA))).toEqual({ shown: false });
    expect(made).toHaveLength(0);
  });

  it('sets the AppUserModelID on Windows only', () => {
    const app = { setAppUserModelId: vi.fn() };
    setNotificationIdentity(app, 'linux');
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
    setNotificationIdentity(app, 'win32');
    expect(app.setAppUserModelId).toHaveBeenCalledWith('no.saksbord.desktop');
    expect(APP_USER_MODEL_ID).toBe('no.saksbord.desktop');
  });
});
