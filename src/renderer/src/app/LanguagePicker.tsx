import { useId } from 'react';
import { type Locale, locales } from '../../../core/config/localized-text';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

/** Language choice; each option names itself in its own language. */
export function LanguagePicker({ className }: { className?: string }) {
  const t = useT();
  const id = useId();
  const locale = useLanguageStore((s) => s.locale);
  const setLocale = useLanguageStore((s) => s.setLocale);
  return (
    <span className={className}>
      <label htmlFor={id} className="visually-hidden">
        {t('lang.label')}
      </label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
