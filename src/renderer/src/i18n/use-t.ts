import type { Locale } from '@core/config/localized-text';
import { useMemo } from 'react';
import { useLanguageStore } from './language-store';
import { type Translate, translatorFor } from './translate';

/** The translate function of the chosen language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLanguageStore((s) => s.locale);
  return useMemo(() => translatorFor(locale), [locale]);
}

export function useLocale(): Locale {
  return useLanguageStore((s) => s.locale);
}
