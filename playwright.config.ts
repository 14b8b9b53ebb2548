import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = process.env.SAKSBORD_CHROMIUM ?? '/usr/bin/chromium';
const port = Number(process.env.SAKSBORD_E2E_PORT ?? 4399);
// One fresh database per run; set once here so that workers (which load this file again)
// inherit the same directory through the environment.
process.env.SAKSBORD_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'saksbord-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: 'America/New_York', // times must still show in Europe/Oslo
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The real Saksbord server with demo data, serving the built web renderer (out/web).
  webServer: {
    command: `npx tsx src/server/cli.ts serve --host 127.0.0.1 --port ${port} --data ${process.env.SAKSBORD_E2E_DATA} --demo`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
