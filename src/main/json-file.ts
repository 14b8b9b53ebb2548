/**
 * Small JSON files in userData (settings, window state), validated with zod. A missing,
 * unreadable or invalid file gives the fallback: a broken file must never stop the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.output<S>,
  warn: (message: string) => void = () => {},
): z.output<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    warn(`ignoring ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  } catch {
    warn(`ignoring ${path}: not JSON`);
  }
  return fallback;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  // Only the owner reads the app's files (data-permissions.ts).
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
