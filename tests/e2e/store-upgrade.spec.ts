/**
 * The local store's schema upgrade in real Chromium (the unit tests run it on
 * fake-indexeddb): a store written at version 2 — one record per event — opened with the
 * current schema keeps its cases and every event, now in chunks, and the old table is gone.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';

test('a store from schema version 2 upgrades in Chromium without losing anything', async ({
  page,
}) => {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'store-upgrade', 'upgrade-harness.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  // Served on the app's origin (IndexedDB needs one); nothing else of the app is loaded.
  await page.route('**/__upgrade/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>upgrading</title><script type="module" src="./harness.js"></script>',
        }),
  );
  await page.goto('/__upgrade/index.html');
  await expect(page).not.toHaveTitle('upgrading');
  const title = await page.title();
  expect(title).not.toMatch(/^failed/);
  const result = JSON.parse(title);
  expect(result).toEqual({
    version: 4,
    stores: ['cases', 'conflicts', 'eventChunks', 'outbox', 'session', 'settings', 'syncState'],
    cases: 1,
    history: [1, 2, 3],
    worklog: [2],
  });
});
