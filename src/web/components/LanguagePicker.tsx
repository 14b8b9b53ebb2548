import { type Locale, locales } from '@core/config/localized-text';
import { useId } from 'react';

/** Each language named in itself, whatever language the page is in. */
export const languageNames: Readonly<Record<Locale, string>> = {
  nn: 'Nynorsk',
  nb: 'Bokmål',
  en: 'English',
};

/**
 * The language choice of the workstation and the portal: a labelled select whose options each
 * name their language in itself, with its own `lang`, so screen readers pronounce it right.
 * The label comes from the app's catalogue ("Språk" / "Language").
 */
export function LanguagePicker(props: {
  locale: Locale;
  onChange(locale: Locale): void;
  label: string;
  /** Read by screen readers but not shown, where the place already says what it is. */
  labelHidden?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <span className={props.className}>
      <label htmlFor={id} className={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.locale}
        onChange={(e) => props.onChange(e.target.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
