import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from './search-shortcut';

const keys = (
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>,
) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the search shortcut', () => {
  it.each([
    ['Ctrl+K', keys('KeyK', { ctrlKey: true }), true],
    ['Ctrl+F', keys('KeyF', { ctrlKey: true }), true],
    ['⌘K', keys('KeyK', { metaKey: true }), true],
    ['K alone', keys('KeyK', {}), false],
    ['Ctrl+Shift+F', keys('KeyF', { ctrlKey: true, shiftKey: true }), false],
    ['Ctrl+Alt+K', keys('KeyK', { ctrlKey: true, altKey: true }), false],
  ])('%s: %s', (_what, e, expected) => {
    expect(isSearchShortcut(e)).toBe(expected);
  });
});
