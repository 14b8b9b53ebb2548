/**
 * Layering check: fails the build when an import crosses a forbidden boundary.
 *
 * - src/core may import only zod, luxon and itself, and may not read the clock
 *   (time is a parameter there).
 * - main, preload, renderer, portal and server import core, never each other; renderer and
 *   portal also share src/web (the API client, translation and formatting, shared
 *   components), which imports only core.
 * - Inside the renderer: app/ → features/ → workstation/ → db, sync, stores, i18n (see
 *   `rendererDirection`).
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

/** `@core/…` and `@web/…` (see path-aliases.ts) as the folders they stand for. */
function aliasTarget(spec: string): string | undefined {
  const match = /^@(core|web)(\/.*)?$/.exec(spec);
  return match ? join(src, match[1]!, match[2] ?? '') : undefined;
}

/**
 * Inside the workstation renderer one direction holds: app/ (the shell: routes, header,
 * session) composes features/ (board, case, intake, SLA board, …), which build on
 * workstation/ (the signed-in workstation, its hooks and shared parts) and the stores, store,
 * sync and i18n below. Nothing imports upwards: features never import app/, and workstation/,
 * db/, sync/, stores/ and i18n/ import neither app/ nor features/.
 */
const rendererSrc = join(src, 'renderer', 'src');
const rendererRank: Record<string, number> = {
  app: 3,
  features: 2,
  workstation: 1,
  db: 0,
  sync: 0,
  stores: 0,
  i18n: 0,
};
function rendererDirection(from: string, to: string): string | undefined {
  const part = (path: string) => {
    const rel = relative(rendererSrc, path);
    return rel.startsWith('..') ? undefined : rel.split(sep)[0];
  };
  const a = part(from);
  const b = part(to);
  if (a === undefined || b === undefined || a === b) return undefined;
  const ra = rendererRank[a];
  const rb = rendererRank[b];
  if (ra === undefined || rb === undefined || rb < 2 || rb <= ra) return undefined;
  return `renderer ${a}/ must not import ${b}/ (app → features → workstation → db, sync, stores, i18n)`;
}

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
      const alias = aliasTarget(spec);
      if (spec.startsWith('.') || alias) {
        const resolved = alias ?? resolve(dirname(file), spec);
        if (!isTest && !relative(testsDir, resolved).startsWith('..')) {
          problems.push(`${shown}: only test files may import from tests/ ('${spec}')`);
        }
        const inside = rendererDirection(file, resolved);
        if (inside) problems.push(`${shown}: ${inside} ('${spec}')`);
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
