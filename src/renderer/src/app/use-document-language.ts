import { useEffect } from 'react';
import { useLanguageStore } from '../i18n/language-store';
import { shareDesktopLanguage } from '../workstation/desktop-settings';

/** Keeps `<html lang>` (screen readers pronounce by it) and the desktop menus in step with the
 *  chosen language. */
export function useDocumentLanguage(): void {
  const locale = useLanguageStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    shareDesktopLanguage(locale);
  }, [locale]);
}
