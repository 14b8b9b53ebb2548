/** The keys of a keyboard event that a shortcut looks at. */
export interface ShortcutKeys {
  /** The physical key (`KeyN`), the same on every layout and with Alt held on a Mac. */
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * A new phone case from anywhere in the browser: Alt+Shift+N. The desktop app's Ctrl+N opens a
 * new window in a browser and cannot be taken over there; Alt+Shift+N is bound by neither
 * Chromium nor Firefox, nor by the screen readers' own keys, and Alt+N alone types "ñ"-like
 * dead keys on a Mac.
 */
export const newCaseShortcut = {
  /** For `aria-keyshortcuts`. */
  aria: 'Alt+Shift+N',
  /** As shown to the user. */
  label: 'Alt+Shift+N',
} as const;

export function isNewCaseShortcut(e: ShortcutKeys): boolean {
  return e.code === 'KeyN' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
}
