import type { Locale } from '../../../core/config/localized-text';
import { fillTemplate, placeholdersOf } from '../../../core/i18n/message-template';
import { en } from './messages-en';
import { nb } from './messages-nb';
import { type MessageKey, type Messages, nn } from './messages-nn';

export type { MessageKey, Messages };
export { placeholdersOf };

/** Every catalogue by locale. */
export const catalogues: Readonly<Record<Locale, Messages>> = { nn, nb, en };

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A translate function bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The text of `key` in `locale` with its placeholders filled. A placeholder without a value
 * is left as `{name}` so a missing parameter is visible rather than silently blank.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[locale][key] ?? nn[key];
  return fillTemplate(text, params);
}

/**
 * The text for a number of things: the `one` message for exactly 1 ("1 endring ventar"), the
 * `other` for any other count ("0 endringar", "3 endringar"), as Nynorsk, Bokmål and English
 * all decide; `{count}` is filled.
 */
export function translateCount(
  t: Translate,
  count: number,
  keys: { one: MessageKey; other: MessageKey },
  params?: MessageParams,
): string {
  return t(count === 1 ? keys.one : keys.other, { ...params, count });
}

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
