import { defaultLocale, type Locale, locales } from '@core/config/localized-text';
import { fillTemplate, placeholdersOf } from '@core/i18n/message-template';

/**
 * The translator of the workstation and the portal. Each app keeps its own catalogues (its own
 * words); this is how both look a key up, fill its `{name}` placeholders and check that the
 * Bokmål and English catalogues say the same things as the Nynorsk one.
 */

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One app's catalogues: every key in every locale. */
export type Catalogues<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/** A translate function bound to one locale. */
export type Translator<K extends string> = (key: K, params?: MessageParams) => string;

export interface TranslatorSet<K extends string> {
  readonly catalogues: Catalogues<K>;
  /**
   * The text of `key` in `locale` with its placeholders filled (the default locale's text if
   * the locale lacks it). A placeholder without a value is left as `{name}`, so a missing
   * parameter is visible rather than silently blank.
   */
  translate(locale: Locale, key: K, params?: MessageParams): string;
  /** The translate function of one locale (the same function each time it is asked). */
  translatorFor(locale: Locale): Translator<K>;
}

/** The translator over one app's catalogues, typed by their keys. */
export function createTranslator<K extends string>(catalogues: Catalogues<K>): TranslatorSet<K> {
  const translate = (locale: Locale, key: K, params?: MessageParams): string =>
    fillTemplate(catalogues[locale][key] ?? catalogues[defaultLocale][key] ?? key, params);
  const bound = Object.fromEntries(
    locales.map((locale) => [
      locale,
      (key: K, params?: MessageParams) => translate(locale, key, params),
    ]),
  ) as Record<Locale, Translator<K>>;
  return { catalogues, translate, translatorFor: (locale) => bound[locale] };
}

/**
 * The text for a number of things: the `one` message for exactly 1 ("1 endring ventar"), the
 * `other` for any other count ("0 endringar", "3 endringar"), as Nynorsk, Bokmål and English
 * all decide; `{count}` is filled.
 */
export function translateCount<K extends string>(
  t: Translator<K>,
  count: number,
  keys: { one: K; other: K },
  params?: MessageParams,
): string {
  return t(count === 1 ? keys.one : keys.other, { ...params, count });
}

/**
 * What is wrong with a set of catalogues, against the default locale's: keys missing or extra,
 * placeholders that differ, empty texts. Empty = consistent; each app's test asserts that.
 */
export function catalogueProblems(catalogues: Readonly<Record<Locale, object>>): string[] {
  const texts = catalogues as Readonly<Record<Locale, Readonly<Record<string, string>>>>;
  const reference = texts[defaultLocale];
  const problems: string[] = [];
  for (const locale of locales) {
    const catalogue = texts[locale];
    for (const key of Object.keys(reference)) {
      const text = catalogue[key];
      if (text === undefined) {
        problems.push(`${locale}: ${key} is missing`);
        continue;
      }
      if (text.trim() === '') problems.push(`${locale}: ${key} is empty`);
      const want = placeholdersOf(reference[key]!).join(',');
      const got = placeholdersOf(text).join(',');
      if (got !== want) problems.push(`${locale}: ${key} has {${got}}, not {${want}}`);
    }
    for (const key of Object.keys(catalogue)) {
      if (!(key in reference)) problems.push(`${locale}: ${key} is not in ${defaultLocale}`);
    }
  }
  return problems;
}
