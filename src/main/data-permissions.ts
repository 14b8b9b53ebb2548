/**
 * The desktop app's data folder (userData: the local case store in IndexedDB, settings,
 * window state) holds cases with names and phone numbers: only its owner may read it. The
 * folder gets 0700 and every file already in it 0600 at start (Electron creates it with the
 * process's umask, usually 0755/0644), and our JSON files are written 0600. On Windows the
 * mode bits do not apply; the folder is in the user's own profile there.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/** Makes `dir` (created if missing) and everything under it private to its owner. */
export function makePrivate(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (platform === 'win32') return;
  const walk = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      chmodSync(path, privateDirMode);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (stats.isFile()) {
      chmodSync(path, privateFileMode);
    }
  };
  walk(dir);
}
