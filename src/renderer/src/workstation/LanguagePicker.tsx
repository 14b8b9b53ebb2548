import { LanguagePicker as SharedLanguagePicker } from '@web/components/LanguagePicker';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

/** The workstation's language choice (the shared picker on the language store). */
export function LanguagePicker({ className }: { className?: string }) {
  const t = useT();
  const locale = useLanguageStore((s) => s.locale);
  const setLocale = useLanguageStore((s) => s.setLocale);
  return (
    <SharedLanguagePicker
      className={className}
      locale={locale}
      onChange={setLocale}
      label={t('lang.label')}
      labelHidden
    />
  );
}
