import { describe, expect, it } from 'vitest';
import { isNewCaseShortcut } from './new-case-shortcut';

const keys = (code: string, mods: string) => ({
  code,
  altKey: mods.includes('alt'),
  shiftKey: mods.includes('shift'),
  ctrlKey: mods.includes('ctrl'),
  metaKey: mods.includes('meta'),
});

describe('the new phone case shortcut', () => {
  it.each([
    ['KeyN', 'alt shift', true],
    ['KeyN', 'alt', false], // a dead key on a Mac
    ['KeyN', 'ctrl', false], // the browser's new window
    ['KeyN', 'ctrl shift', false], // the browser's private window
    ['KeyN', 'ctrl alt shift', false], // AltGr on Windows is Ctrl+Alt
    ['KeyN', 'meta alt shift', false],
    ['KeyN', 'shift', false], // typing a capital N
    ['KeyN', '', false],
    ['KeyM', 'alt shift', false],
  ] as const)('%s with %s: %s', (code, mods, expected) => {
    expect(isNewCaseShortcut(keys(code, mods))).toBe(expected);
  });
});
