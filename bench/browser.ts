/** Debian's Chromium for the in-browser benchmarks, and what they read from it. */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type RunningServer, startServer } from '../src/server/server';
import type { BenchResult } from './run-all';

export const chromiumPath = process.env.SAKSBORD_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with the flags this machine needs (no sandbox as root, no network calls). */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** A page for a benchmark: desktop-sized, page errors printed. */
export async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx keeps function names with a `__name` helper that page functions would miss.
  await page.addInitScript('globalThis.__name = (f) => f;');
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

/** The renderer's JS heap after a garbage collection (CDP JSHeapUsedSize), as a figure. */
export async function heapFigure(page: Page, name: string): Promise<BenchResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const bytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return {
    name,
    value: bytes / 1024 / 1024,
    unit: 'MB',
    target: '< 300 MB',
    note: 'after GC, CDP JSHeapUsedSize',
  };
}

/**
 * The real server (SQLite in a temp dir) serving the built web app, and Chromium, for `work`;
 * both stopped and the data removed afterwards. Builds the web app first if it is missing.
 */
export async function withAppInBrowser<T>(
  label: string,
  work: (server: RunningServer, browser: Browser) => Promise<T>,
): Promise<T> {
  if (!existsSync('out/web/index.html')) execSync('npm run -s build:web', { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), `saksbord-${label}-bench-`));
  const server = await startServer({ dataDir, port: 0 });
  const browser = await launchBenchBrowser();
  try {
    return await work(server, browser);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
