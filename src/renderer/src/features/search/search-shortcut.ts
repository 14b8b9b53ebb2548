/** The keys of a keyboard event the shortcut looks at (`code` is the physical key). */
export interface SearchShortcutKeys {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * Search from anywhere: Ctrl+K or Ctrl+F (⌘K / ⌘F on a Mac). Ctrl+F is the browser's find in
 * page, which finds only what the board has drawn; in the workstation it opens the case
 * search instead, which finds every case. Not taken over in a text field's own keys (Ctrl+K
 * is nothing there) nor over an open dialog.
 */
export const searchShortcut = { aria: 'Control+K', label: 'Ctrl+K' } as const;

export function isSearchShortcut(e: SearchShortcutKeys): boolean {
  const mod = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
  return mod && (e.code === 'KeyK' || e.code === 'KeyF');
}
