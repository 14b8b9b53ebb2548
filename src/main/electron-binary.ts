/**
 * Is there an Electron binary to run? Answered the way the `electron` package finds its
 * binary (node_modules/electron/path.txt naming a file under dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH), but without `require('electron')`, which would start a
 * download when the binary is missing. Used by `npm start` and the Electron end-to-end
 * test, never by the app itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  | { available: true; path: string }
  | { available: false; reason: string };

export interface BinaryProbe {
  env: Record<string, string | undefined>;
  platform: string;
  /** The installed `electron` package's folder, or undefined when it is not installed. */
  packageDir: string | undefined;
  exists: (path: string) => boolean;
  read: (path: string) => string | undefined;
}

export function findElectronBinary(probe: BinaryProbe = realProbe()): ElectronBinary {
  if (!probe.packageDir) {
    return { available: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathTxt = probe.read(join(probe.packageDir, 'path.txt'))?.trim();
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  let path: string;
  if (override) {
    path = join(override, pathTxt || 'electron');
  } else if (!pathTxt) {
    return {
      available: false,
      reason:
        'no Electron binary is installed (node_modules/electron/path.txt is missing: it is downloaded on first run, which needs internet access)',
    };
  } else {
    path = join(probe.packageDir, 'dist', pathTxt);
  }
  if (!probe.exists(path)) {
    return { available: false, reason: `the Electron binary ${path} is missing` };
  }
  if (
    probe.platform === 'linux' &&
    !probe.env.DISPLAY &&
    !probe.env.WAYLAND_DISPLAY &&
    !probe.env.SAKSBORD_ELECTRON_HEADLESS
  ) {
    return {
      available: false,
      reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)',
    };
  }
  return { available: true, path };
}

function realProbe(): BinaryProbe {
  let packageDir: string | undefined;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    packageDir = undefined;
  }
  return {
    env: process.env,
    platform: process.platform,
    packageDir,
    exists: existsSync,
    read: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
