/**
 * The desktop app as a user gets it: built main, preload and renderer in a real Electron.
 * Skipped, with the reason, where no Electron binary can run (see src/main/electron-binary).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ElectronApplication,
  _electron as electron,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { findElectronBinary } from '../../src/main/electron-binary';
import type { DesktopApi } from '../../src/preload/desktop-api';

const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary();
/** What the page's globals look like (this file is type-checked without the DOM). */
type InPage = { api?: DesktopApi; location: { href: string } };
const caseId = '0f8fad5b-d9cb-469f-a165-70867728950e';

test.skip(!binary.available, binary.available ? '' : `no Electron here: ${binary.reason}`);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!binary.available) return;
  if (!existsSync(join(root, 'out/main/index.js')) || process.env.SAKSBORD_E2E_REBUILD !== '0') {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    expect(built.status, 'electron-vite build').toBe(0);
  }
  userData = mkdtempSync(join(tmpdir(), 'saksbord-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, SAKSBORD_USER_DATA: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('shows the bundled renderer on the app scheme, titled Saksbord', async () => {
  expect(page.url()).toMatch(/^saksbord:\/\/app\//);
  await expect(page).toHaveTitle(/Saksbord/);
});

test('keeps Node out of the page and exposes only window.api', async () => {
  const seen = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((globalThis as unknown as InPage).api ?? {}).sort(),
    isDesktop: (globalThis as unknown as InPage).api?.isDesktop,
  }));
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    isDesktop: true,
    api: [
      'clearNotification',
      'getAppInfo',
      'getSettings',
      'isDesktop',
      'notifyCritical',
      'onFocusCase',
      'onMenuCommand',
      'setCriticalCount',
      'setSettings',
    ],
  });
});

test('answers typed IPC calls and refuses bad payloads', async () => {
  const info = await page.evaluate(() => (globalThis as unknown as InPage).api!.getAppInfo());
  expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(await page.evaluate(() => (globalThis as unknown as InPage).api!.getSettings())).toEqual({
    serverUrl: 'http://127.0.0.1:4300',
    language: 'nn',
  });
  await page.evaluate(() => (globalThis as unknown as InPage).api!.setCriticalCount(3));
  const refused = await page.evaluate(() =>
    (globalThis as unknown as InPage).api!.setCriticalCount(-1).then(
      () => 'accepted',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain("invalid payload on IPC channel 'tray:setCriticalCount'");
});

test('a clicked critical notification focuses the window and opens the case', async () => {
  const shown = await page.evaluate(
    (id) =>
      (globalThis as unknown as InPage).api!.notifyCritical({
        caseId: id,
        number: '2026-00042',
        title: 'Fagsystem nede',
        municipality: 'Kommune A',
        onCall: false,
        text: { heading: 'Kritisk sak 2026-00042', body: 'Fagsystem nede – Kommune A' },
      }),
    caseId,
  );
  expect(shown).toHaveProperty('shown');
  const focused = page.evaluate(
    () =>
      new Promise<string>((done) => {
        const stop = (globalThis as unknown as InPage).api!.onFocusCase(
          ({ caseId: id }: { caseId: string }) => {
            stop();
            done(id);
          },
        );
      }),
  );
  // Stand in for the OS click: the same event the notification's click handler sends.
  await app.evaluate(({ BrowserWindow }, id) => {
    BrowserWindow.getAllWindows()[0]!.webContents.send('window:focusCase', { caseId: id });
  }, caseId);
  expect(await focused).toBe(caseId);
});

test('does not navigate away from the app', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as InPage).location.href = 'https://example.invalid/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
});
