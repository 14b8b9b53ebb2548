/** Bundles the browser harness with esbuild into `<outDir>/__bench/` (index.html + harness.js). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function buildHarness(outDir: string): Promise<string> {
  const dir = join(outDir, '__bench');
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'harness.ts')],
    outfile: join(dir, 'harness.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>sync bench</title>' +
      '<script type="module" src="./harness.js"></script>\n',
  );
  // The Saksbord server serves a web root only when it has an index page.
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>bench</title>\n');
  return dir;
}
