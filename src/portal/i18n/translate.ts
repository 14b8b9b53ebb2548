import type { Locale } from '@core/config/localized-text';
import { placeholdersOf } from '@core/i18n/message-template';
import { createTranslator, type MessageParams, type Translator } from '@web/i18n/translator';
import { en } from './messages-en';
import { nb } from './messages-nb';
import { type MessageKey, type Messages, nn } from './messages-nn';

export type { MessageKey, MessageParams, Messages };
export { placeholdersOf };

/** Every portal catalogue by locale (the workstation has its own). */
export const catalogues: Readonly<Record<Locale, Messages>> = { nn, nb, en };

export type Translate = Translator<MessageKey>;

const translator = createTranslator<MessageKey>(catalogues);

/** `key` in `locale` with `{name}` placeholders filled; a missing value stays visible. */
export const translate = translator.translate;
export const translatorFor = translator.translatorFor;
