/**
 * Electron entry point. Kept thin: it wires Electron's real API into modules that take it
 * as an argument (and are unit-tested with stand-ins).
 */
import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { createSecureWindow } from './secure-window';

const rendererUrl = process.env.ELECTRON_RENDERER_URL;

async function start() {
  await app.whenReady();
  const window = createSecureWindow(
    {
      createWindow: (options) => new BrowserWindow(options),
      shell,
      session: session.defaultSession,
    },
    {
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      appOrigin: rendererUrl ?? 'file://',
    },
  );
  if (rendererUrl) await window.loadURL(rendererUrl);
  else await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void start();
