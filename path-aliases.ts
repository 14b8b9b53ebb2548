/**
 * Import aliases shared by every build and test tool: `@core/…` is src/core, `@web/…` is
 * src/web (the same as `paths` in tsconfig.base.json and tsconfig.json), so no import climbs
 * four folders to reach them.
 *
 * Each config passes its own folder: config files are bundled before they run, and a module
 * imported by a config loaded from elsewhere (tests/e2e-electron) would otherwise resolve
 * against that other folder.
 */
import { resolve } from 'node:path';

export function pathAliasesFrom(root: string): Record<string, string> {
  return {
    '@core': resolve(root, 'src/core'),
    '@web': resolve(root, 'src/web'),
  };
}
