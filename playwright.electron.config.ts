import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './src/main/electron-binary';

/**
 * The desktop app end to end, through Playwright's `_electron`. Runs where an Electron
 * binary exists; elsewhere every test is reported as skipped with the reason (see
 * tests/e2e-electron/app.spec.ts). `npx playwright test -c playwright.electron.config.ts`
 */
const electron = findElectronBinary();
if (!electron.available && !process.env.TEST_WORKER_INDEX) {
  console.log(`Electron end-to-end tests will be skipped: ${electron.reason}`);
}

export default defineConfig({
  testDir: 'tests/e2e-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
});
