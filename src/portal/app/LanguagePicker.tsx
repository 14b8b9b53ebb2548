import { type Locale, locales } from '../../core/config';
import type { Translate } from '../i18n/translate';

const names: Readonly<Record<Locale, string>> = { nn: 'Nynorsk', nb: 'Bokmål', en: 'English' };

/** Each language named in itself, with its own `lang`, so screen readers pronounce it right. */
export function LanguagePicker(props: {
  locale: Locale;
  t: Translate;
  onChange(locale: Locale): void;
}) {
  return (
    <div className="language">
      <label htmlFor="language">{props.t('app.language')}</label>
      <select
        id="language"
        value={props.locale}
        onChange={(e) => props.onChange(e.target.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
