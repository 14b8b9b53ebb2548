/**
 * Main and preload build with electron-vite (into a temporary folder, not out/), and the
 * bundles keep the promises the window relies on. Needs no Electron binary, so it runs
 * everywhere, also where app.spec.ts is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
let outDir: string;

test.beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'saksbord-electron-build-'));
  const result = spawnSync(
    'npx',
    [
      'electron-vite',
      'build',
      '-c',
      'tests/e2e-electron/main-preload.vite.config.ts',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
});

test.afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const modulesNamed = (code: string) =>
  [
    ...code.matchAll(
      // `from` as the keyword (after a space or `}`), not the end of a word like `.from"` in code
      // that builds strings; names never span lines.
      /require\(\s*["']([^"'\n]+)["']\s*\)|(?<=[\s}])from\s*["']([^"'\n]+)["']|import\(\s*["']([^"'\n]+)["']/g,
    ),
  ]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((name, i, all) => all.indexOf(name) === i)
    .sort();

test('the preload is one CommonJS file that requires only electron (sandbox: true)', () => {
  const code = readFileSync(join(outDir, 'preload/index.cjs'), 'utf8');
  expect(modulesNamed(code)).toEqual(['electron']);
  expect(code).toContain('exposeInMainWorld');
  expect(code).not.toMatch(/^\s*import\s/m);
});

test('main bundles its dependencies and imports only electron and node built-ins', () => {
  const code = readFileSync(join(outDir, 'main/index.js'), 'utf8');
  const foreign = modulesNamed(code).filter(
    (name) => name !== 'electron' && !name!.startsWith('node:'),
  );
  expect(foreign).toEqual([]);
  expect(code).toContain('no.saksbord.desktop');
});
