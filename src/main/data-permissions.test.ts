import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePrivate } from './data-permissions';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('makePrivate', () => {
  it.skipIf(process.platform === 'win32')(
    'gives the data folder 0700 and its files 0600, however they were made',
    () => {
      root = mkdtempSync(join(tmpdir(), 'saksbord-perm-'));
      const data = join(root, 'userData');
      mkdirSync(join(data, 'IndexedDB'), { recursive: true, mode: 0o755 });
      writeFileSync(join(data, 'settings.json'), '{}', { mode: 0o644 });
      writeFileSync(join(data, 'IndexedDB', 'cases.ldb'), 'x', { mode: 0o644 });
      makePrivate(data);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(data)).toBe(0o700);
      expect(mode(join(data, 'IndexedDB'))).toBe(0o700);
      expect(mode(join(data, 'settings.json'))).toBe(0o600);
      expect(mode(join(data, 'IndexedDB', 'cases.ldb'))).toBe(0o600);
    },
  );
});
