/**
 * Layering check: fails the build when an import crosses a forbidden boundary.
 *
 * - src/core may import only zod, luxon and itself, and may not read the clock
 *   (time is a parameter there).
 * - main, preload, renderer, portal and server import core, never each other; renderer and
 *   portal also share src/web (the API client, translation and formatting, shared
 *   components), which imports only core.
 * - Only test files (*.test.ts) may import from tests/ (test doubles such as
 *   tests/doubles/memory-server.ts are never production code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const testsDir = join(root, 'tests');

const layers = ['core', 'web', 'main', 'preload', 'renderer', 'portal', 'server'] as const;
type Layer = (typeof layers)[number];

/** Which other layers each layer may import from. */
const allowedLayers: Record<Layer, Layer[]> = {
  core: [],
  web: ['core'],
  main: ['core'],
  preload: ['core'],
  renderer: ['core', 'web'],
  portal: ['core', 'web'],
  server: ['core'],
};

const corePackages = new Set(['zod', 'luxon']);
const clockReads = [/\bDate\.now\s*\(/, /\bnew Date\(\s*\)/, /\bperformance\.now\s*\(/];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) yield path;
  }
}

function layerOf(path: string): Layer | undefined {
  const rel = relative(src, path);
  if (rel.startsWith('..')) return undefined;
  const first = rel.split(sep)[0] as Layer;
  return layers.includes(first) ? first : undefined;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

const problems: string[] = [];
for (const layer of layers) {
  const dir = join(src, layer);
  try {
    statSync(dir);
  } catch {
    continue;
  }
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const shown = relative(root, file);
    const isTest = /\.test\.tsx?$/.test(file);
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (!spec) continue;
      if (spec.startsWith('.')) {
        const resolved = resolve(dirname(file), spec);
        if (!isTest && !relative(testsDir, resolved).startsWith('..')) {
          problems.push(`${shown}: only test files may import from tests/ ('${spec}')`);
        }
        const target = layerOf(resolved);
        if (target && target !== layer && !allowedLayers[layer].includes(target)) {
          problems.push(`${shown}: src/${layer} must not import src/${target} ('${spec}')`);
        }
      } else if (layer === 'core' && !isTest) {
        const pkg = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0]!;
        if (!corePackages.has(pkg)) {
          problems.push(`${shown}: src/core may import only zod, luxon and itself ('${spec}')`);
        }
      }
    }
    if (layer === 'core' && !isTest) {
      for (const pattern of clockReads) {
        if (pattern.test(text)) {
          problems.push(
            `${shown}: src/core must not read the clock (${pattern.source}); take the instant as a parameter`,
          );
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Layering check failed (${problems.length}):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('layering: ok');
