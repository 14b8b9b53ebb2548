/**
 * A first sign-in in the real app, as a new agent's desktop meets a server holding 50,000
 * cases: from pressing "Logg inn" to the first cards on the board, and to "everything synced"
 * — with the board open and updating while the store fills (the sync bench times the engine
 * alone). The real server (SQLite, on disk) serves the built web app; Chromium keeps its
 * IndexedDB on disk, as the desktop app does.
 *
 * SAKSBORD_BENCH_CASES (default 50000) scales it down for a quick run.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumPath } from './browser';
import type { BenchResult } from './run-all';
import { benchUser, type SaksbordSide, startSaksbord } from './sync/servers';

const CASES = Number(process.env.SAKSBORD_BENCH_CASES ?? 50_000);

export async function run(): Promise<BenchResult[]> {
  if (!existsSync('out/web/index.html')) execSync('npm run -s build:web', { stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), 'saksbord-sync-app-bench-'));
  let saksbord: SaksbordSide | undefined;
  let context: BrowserContext | undefined;
  try {
    saksbord = await startSaksbord(join(tmp, 'server'), resolve('out/web'), CASES);
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: chromiumPath,
      viewport: { width: 1600, height: 1000 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${saksbord.url}/`);
    await page.getByLabel('Brukarnamn').fill(benchUser.username);
    await page.getByLabel('Passord').fill(benchUser.password);
    const start = Date.now();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByTestId('case-card').first().waitFor({ timeout: 120_000 });
    const firstCards = Date.now() - start;
    await page
      .getByTestId('sync-status')
      .filter({ hasText: 'Alt er synkronisert' })
      .waitFor({ timeout: 300_000 });
    const synced = Date.now() - start;
    const shown = await page
      .locator('.board-toolbar__count')
      .textContent({ timeout: 1000 })
      .catch(() => '');
    return [
      {
        name: `sync in the app: first sign-in to first cards (${CASES.toLocaleString('en')} cases on the server)`,
        value: firstCards / 1000,
        unit: 's',
        note: 'the board fills while the rest is pulled',
      },
      {
        name: `sync in the app: first sign-in to everything synced (${CASES.toLocaleString('en')} cases)`,
        value: synced / 1000,
        unit: 's',
        target: '≤ 10 s (as the engine alone)',
        note: `with the board open and updating; the board then shows ${shown}`,
      },
    ];
  } finally {
    await context?.close();
    await saksbord?.server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
