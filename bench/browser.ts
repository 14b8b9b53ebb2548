/** Debian's Chromium for the in-browser benchmarks, and what they read from it. */
import { type Browser, chromium, type Page } from '@playwright/test';
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
