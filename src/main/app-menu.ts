/**
 * The app menu (Nynorsk by default) with the keyboard shortcuts agents use all day. The
 * app's own commands are sent to the renderer as `menu:command` events; reload, zoom,
 * full screen and quit are Electron roles. Developer tools appear only in development.
 */

import type { MenuCommand } from '@core/ipc';
import type { MenuItemConstructorOptions } from 'electron';
import type { MainTexts } from './main-texts';

export interface AppMenuOptions {
  texts: MainTexts['menu'];
  /** Sends a command to the renderer (the `menu:command` event). */
  send: (command: MenuCommand) => void;
  /** True when running from source (electron-vite dev), false in a packaged app. */
  isDev: boolean;
  platform: string;
  onAbout: () => void;
}

/** The menu as a template; index.ts builds it with `Menu.buildFromTemplate`. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { texts, send } = options;
  const command = (
    label: string,
    accelerator: string,
    name: MenuCommand,
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(name) });

  const view: MenuItemConstructorOptions[] = [
    command(texts.board, 'CmdOrCtrl+1', 'board'),
    command(texts.search, 'CmdOrCtrl+F', 'search'),
    { type: 'separator' },
    { label: texts.reload, role: 'reload', accelerator: 'CmdOrCtrl+R' },
    ...(options.isDev
      ? ([
          { label: texts.devTools, role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { type: 'separator' },
    { label: texts.actualSize, role: 'resetZoom' },
    { label: texts.zoomIn, role: 'zoomIn' },
    { label: texts.zoomOut, role: 'zoomOut' },
    { type: 'separator' },
    { label: texts.fullScreen, role: 'togglefullscreen' },
  ];

  return [
    {
      label: texts.file,
      submenu: [
        command(texts.newCase, 'CmdOrCtrl+N', 'newCase'),
        { type: 'separator' },
        command(texts.settings, 'CmdOrCtrl+,', 'settings'),
        { type: 'separator' },
        {
          label: texts.quit,
          role: 'quit',
          accelerator: options.platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q',
        },
      ],
    },
    {
      label: texts.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: texts.view, submenu: view },
    {
      label: texts.window,
      submenu: [
        { label: texts.minimize, role: 'minimize' },
        { label: texts.close, role: 'close' },
      ],
    },
    { label: texts.help, submenu: [{ label: texts.about, click: options.onAbout }] },
  ];
}
