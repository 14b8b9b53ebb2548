import { useEffect } from 'react';
import { useLanguageStore } from '../i18n/language-store';

/** Keeps `<html lang>` in step with the chosen language, so screen readers pronounce it right. */
export function useDocumentLanguage(): void {
  const locale = useLanguageStore((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}
