import type { Locale } from '../../core/config/localized-text';
import { fillTemplate, placeholdersOf } from '../../core/i18n/message-template';
import { en } from './messages-en';
import { nb } from './messages-nb';
import { type MessageKey, type Messages, nn } from './messages-nn';

export type { MessageKey, Messages };
export { placeholdersOf };

/** Every portal catalogue by locale. */
export const catalogues: Readonly<Record<Locale, Messages>> = { nn, nb, en };

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `key` in `locale` with `{name}` placeholders filled; a missing value stays visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[locale][key] ?? nn[key];
  return fillTemplate(text, params);
}

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
