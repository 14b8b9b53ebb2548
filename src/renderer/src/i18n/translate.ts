import type { Locale } from '@core/config/localized-text';
import { placeholdersOf } from '@core/i18n/message-template';
import {
  translateCount as countWith,
  createTranslator,
  type MessageParams,
  type Translator,
} from '@web/i18n/translator';
import { en } from './messages-en';
import { nb } from './messages-nb';
import { type MessageKey, type Messages, nn } from './messages-nn';

export type { MessageKey, MessageParams, Messages };
export { placeholdersOf };

/** Every catalogue of the workstation by locale (the portal has its own). */
export const catalogues: Readonly<Record<Locale, Messages>> = { nn, nb, en };

/** A translate function bound to one locale. */
export type Translate = Translator<MessageKey>;

const translator = createTranslator<MessageKey>(catalogues);

/** The text of `key` in `locale` with its placeholders filled (a missing one stays `{name}`). */
export const translate = translator.translate;
export const translatorFor = translator.translatorFor;

/** The `one` message for exactly 1, the `other` for any other count; `{count}` is filled. */
export const translateCount: (
  t: Translate,
  count: number,
  keys: { one: MessageKey; other: MessageKey },
  params?: MessageParams,
) => string = countWith;
