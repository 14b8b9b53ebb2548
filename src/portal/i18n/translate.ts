import type { Locale } from '../../core/config/localized-text';
import { en } from './messages-en';
import { nb } from './messages-nb';
import { type MessageKey, type Messages, nn } from './messages-nn';

export type { MessageKey, Messages };

/** Every portal catalogue by locale. */
export const catalogues: Readonly<Record<Locale, Messages>> = { nn, nb, en };

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `key` in `locale` with `{name}` placeholders filled; a missing value stays visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[locale][key] ?? nn[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholders a text uses, sorted (for the catalogue check). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
