import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { mainTexts } from './main-texts';
import { createCriticalTray, keepRunningInTray } from './tray';

function setup() {
  const tray = Object.assign(new EventEmitter(), {
    setToolTip: vi.fn(),
    setImage: vi.fn(),
    setContextMenu: vi.fn(),
    setTitle: vi.fn(),
    destroy: vi.fn(),
  });
  let menu: MenuItemConstructorOptions[] = [];
  const onShow = vi.fn();
  const onQuit = vi.fn();
  const critical = createCriticalTray(
    {
      createTray: () => tray as never,
      buildMenu: (template) => {
        menu = template;
        return template as never;
      },
    },
    {
      icons: { normal: 'tray.png', alert: 'tray-alert.png' },
      texts: mainTexts('nn').tray,
      onShow,
      onQuit,
    },
  );
  return { tray, critical, menu: () => menu, onShow, onQuit };
}

describe('tray', () => {
  it('starts calm and counts critical cases in Nynorsk', () => {
    const { tray, critical } = setup();
    expect(critical.tooltip()).toBe('Saksbord – ingen kritiske saker opne');
    critical.setCriticalCount(1);
    expect(critical.tooltip()).toBe('Saksbord – 1 kritisk sak open');
    critical.setCriticalCount(3);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Saksbord – 3 kritiske saker opne');
    expect(tray.setImage).toHaveBeenLastCalledWith('tray-alert.png');
    expect(tray.setTitle).toHaveBeenLastCalledWith('3');
    critical.setCriticalCount(0);
    expect(tray.setImage).toHaveBeenLastCalledWith('tray.png');
    expect(tray.setTitle).toHaveBeenLastCalledWith('');
  });

  it('has a menu to show and quit, and shows the window on click', () => {
    const { tray, menu, onShow, onQuit } = setup();
    const [show, , quit] = menu();
    expect(show?.label).toBe('Vis Saksbord');
    expect(quit?.label).toBe('Avslutt');
    quit?.click?.(undefined as never, undefined, undefined as never);
    expect(onQuit).toHaveBeenCalled();
    tray.emit('click');
    expect(onShow).toHaveBeenCalled();
  });

  it('follows a language change', () => {
    const { critical } = setup();
    critical.setCriticalCount(2);
    critical.setTexts(mainTexts('en').tray);
    expect(critical.tooltip()).toBe('Saksbord – 2 open critical cases');
    critical.setTexts(mainTexts('nb').tray);
    expect(critical.tooltip()).toBe('Saksbord – 2 kritiske saker åpne');
  });
});

describe('keepRunningInTray', () => {
  it('hides on close until the app is quitting', () => {
    const window = Object.assign(new EventEmitter(), { hide: vi.fn() });
    const app = new EventEmitter();
    keepRunningInTray(window, app);
    const preventDefault = vi.fn();
    window.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
    app.emit('before-quit');
    const second = vi.fn();
    window.emit('close', { preventDefault: second });
    expect(second).not.toHaveBeenCalled();
  });
});
