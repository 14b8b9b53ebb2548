/**
 * The tray icon: always there while Saksbord runs, turns red with a count when critical
 * cases are open (the count comes from the renderer via `tray:setCriticalCount`), and has
 * a small menu to show the window or quit.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { MainTexts } from './main-texts';

/** The parts of Electron's Tray used here. */
export type TrayLike = Pick<
  Tray,
  'setToolTip' | 'setImage' | 'setContextMenu' | 'setTitle' | 'on' | 'destroy'
>;

export interface TrayDeps {
  createTray: (image: string | NativeImage) => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
}

export interface TrayOptions {
  /** resources/tray.png and tray-alert.png (their @2x siblings are picked up by Electron). */
  icons: { normal: string; alert: string };
  texts: MainTexts['tray'];
  onShow: () => void;
  onQuit: () => void;
}

export interface CriticalTray {
  setCriticalCount(count: number): void;
  setTexts(texts: MainTexts['tray']): void;
  /** The tooltip now shown (for tests and diagnostics). */
  tooltip(): string;
  destroy(): void;
}

export function createCriticalTray(deps: TrayDeps, options: TrayOptions): CriticalTray {
  const tray = deps.createTray(options.icons.normal);
  let count = 0;
  let texts = options.texts;
  let tooltip = '';

  const render = () => {
    tooltip = count > 0 ? texts.critical(count) : texts.noCritical;
    tray.setImage(count > 0 ? options.icons.alert : options.icons.normal);
    tray.setToolTip(tooltip);
    // macOS shows a title beside the icon; elsewhere this is a no-op.
    tray.setTitle(count > 0 ? String(count) : '');
    tray.setContextMenu(
      deps.buildMenu([
        { label: texts.show, click: options.onShow },
        { type: 'separator' },
        { label: texts.quit, click: options.onQuit },
      ]),
    );
  };

  tray.on('click', options.onShow);
  render();
  return {
    setCriticalCount(next) {
      if (next === count) return;
      count = next;
      render();
    },
    setTexts(next) {
      texts = next;
      render();
    },
    tooltip: () => tooltip,
    destroy: () => tray.destroy(),
  };
}

/** The parts of a BrowserWindow and of `app` used to keep running in the tray. */
export interface HideableWindow {
  on(event: 'close', listener: (event: { preventDefault: () => void }) => void): unknown;
  hide(): void;
}

/**
 * Closing the window hides it to the tray instead of quitting, so critical alerts keep
 * coming; quitting (tray or menu, or the OS logging out) really quits.
 */
export function keepRunningInTray(
  window: HideableWindow,
  app: { on(event: 'before-quit', listener: () => void): unknown },
): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    window.hide();
  });
}
