/**
 * Import aliases shared by every build and test tool: `@core/…` is src/core, `@web/…` is
 * src/web (the same as `paths` in tsconfig.base.json and tsconfig.json), so no import climbs
 * four folders to reach them.
 */
import { resolve } from 'node:path';

export const pathAliases = {
  '@core': resolve(import.meta.dirname, 'src/core'),
  '@web': resolve(import.meta.dirname, 'src/web'),
};
