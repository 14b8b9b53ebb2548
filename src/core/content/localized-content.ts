import { z } from 'zod';
import type { Locale } from '../config/localized-text';

/**
 * Content team leaders write (notices, FAQ articles, reply templates, statements) is written in
 * Nynorsk, the service's own language, and optionally in Bokmål and English. A reader of a
 * language that was not written gets the Nynorsk text and is told so (`fallback`), never an
 * empty page.
 */

/** The languages content may be translated into besides Nynorsk. */
export const translationLocales = ['nb', 'en'] as const;
export type TranslationLocale = (typeof translationLocales)[number];

/**
 * `{ nb?: T, en?: T }`: the translations of a text, each optional. An entry whose texts are
 * all empty counts as absent (a form may send empty fields for a language not written).
 */
export function translationsSchema<S extends z.ZodObject>(shape: S) {
  return z
    .object({ nb: shape.optional(), en: shape.optional() })
    .default({})
    .transform((t) => {
      const out: { nb?: z.output<S>; en?: z.output<S> } = {};
      for (const locale of translationLocales) {
        const entry = t[locale] as Record<string, unknown> | undefined;
        if (entry && Object.values(entry).some((v) => typeof v === 'string' && v.trim() !== '')) {
          out[locale] = entry as z.output<S>;
        }
      }
      return out;
    });
}

/** A text in the reader's language, or the Nynorsk one with `fallback` set. */
export interface InLocale<T> {
  value: T;
  /** The language the value is in. */
  locale: Locale;
  /** True when the reader's language was not written and Nynorsk is shown instead. */
  fallback: boolean;
}

/** The Nynorsk `base`, or its translation into `locale` when there is one. */
export function inLocale<T>(
  base: T,
  translations: Partial<Record<TranslationLocale, T>> | undefined,
  locale: Locale,
): InLocale<T> {
  if (locale === 'nn') return { value: base, locale: 'nn', fallback: false };
  const translated = translations?.[locale];
  return translated
    ? { value: translated, locale, fallback: false }
    : { value: base, locale: 'nn', fallback: true };
}

/** Which of the three languages a text is written in (Nynorsk always). */
export function writtenLocales(
  translations: Partial<Record<TranslationLocale, unknown>> | undefined,
): Locale[] {
  return ['nn', ...translationLocales.filter((l) => translations?.[l] !== undefined)];
}
