import { defaultLocale, type Locale, locales } from '@core/config/localized-text';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface LanguageState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The chosen UI language, kept in localStorage so it survives restarts and sign-out. */
export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      locale: defaultLocale,
      setLocale: (locale) => {
        if (locales.includes(locale)) set({ locale });
      },
    }),
    {
      name: 'saksbord.language',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ locale: s.locale }),
    },
  ),
);
