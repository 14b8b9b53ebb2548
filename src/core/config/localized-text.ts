import { z } from 'zod';

/**
 * The languages Saksbord speaks: Nynorsk (the service's own language, the default), Bokmål
 * and English. Every text a user reads is given in all three.
 */
export const locales = ['nn', 'nb', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

/** Nynorsk is the seed's language, so it is what a user sees when nothing else is chosen. */
export const defaultLocale: Locale = 'nn';

/** One text in every locale; configuration files must give all three so no screen falls back. */
export const localizedTextSchema = z.strictObject({
  /** Nynorsk. */
  nn: z.string().trim().min(1, 'the Nynorsk text must not be empty'),
  /** Bokmål. */
  nb: z.string().trim().min(1, 'the Bokmål text must not be empty'),
  /** English. */
  en: z.string().trim().min(1, 'the English text must not be empty'),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
