import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsStore } from './settings-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksbord-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts from the defaults and survives a broken file', () => {
    writeFileSync(file, '{"serverUrl": 42}');
    expect(createSettingsStore(file).get()).toEqual({
      serverUrl: 'http://127.0.0.1:4300',
      language: 'nn',
    });
  });

  it('saves a change, keeps the rest and tells listeners', () => {
    const store = createSettingsStore(file);
    const listener = vi.fn();
    store.onChange(listener);
    const next = store.set({ serverUrl: 'https://saksbord.example.no', language: undefined });
    expect(next).toEqual({ serverUrl: 'https://saksbord.example.no', language: 'nn' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(next);
    expect(listener).toHaveBeenCalledWith(next, {
      serverUrl: 'http://127.0.0.1:4300',
      language: 'nn',
    });
    expect(createSettingsStore(file).get()).toEqual(next);
  });
});
