import type { AdminMessageKey } from './admin-messages';
import { useAdminT } from './admin-messages';
import { TextInput } from './form-kit';

/** The texts of one language: `{ title, body }`, `{ question, answer }` … */
export type Texts<K extends string> = Record<K, string>;
export type Translations<K extends string> = { nb: Texts<K>; en: Texts<K> };

export function emptyTranslations<K extends string>(keys: readonly K[]): Translations<K> {
  const empty = Object.fromEntries(keys.map((k) => [k, ''])) as Texts<K>;
  return { nb: { ...empty }, en: { ...empty } };
}

/** Translations as the API wants them: a language only when something is written in it. */
export function writtenTranslations<K extends string>(
  translations: Translations<K>,
): Partial<Record<'nb' | 'en', Texts<K>>> {
  const out: Partial<Record<'nb' | 'en', Texts<K>>> = {};
  for (const locale of ['nb', 'en'] as const) {
    if (Object.values<string>(translations[locale]).some((v) => v.trim() !== '')) {
      out[locale] = translations[locale];
    }
  }
  return out;
}

/** Translations from the API into the form's shape (absent languages empty). */
export function translationsDraft<K extends string>(
  keys: readonly K[],
  from: Partial<Record<'nb' | 'en', Partial<Texts<K>>>> | undefined,
): Translations<K> {
  const empty = emptyTranslations(keys);
  for (const locale of ['nb', 'en'] as const) {
    for (const k of keys) empty[locale][k] = from?.[locale]?.[k] ?? '';
  }
  return empty;
}

/**
 * Nynorsk texts (required) and Bokmål and English ones (optional: a missing language falls
 * back to Nynorsk and the reader is told so), each language in its own fieldset.
 */
export function TranslatedTexts<K extends string>(props: {
  formId: string;
  fields: ReadonlyArray<{ key: K; label: AdminMessageKey; multiline?: boolean }>;
  base: Texts<K>;
  translations: Translations<K>;
  onBase(base: Texts<K>): void;
  onTranslations(translations: Translations<K>): void;
  errorFor(path: string): string | undefined;
}) {
  const t = useAdminT();
  return (
    <>
      <fieldset className="admin-localized">
        <legend>{t('lang.nn')}</legend>
        {props.fields.map((f) => (
          <TextInput
            key={f.key}
            formId={props.formId}
            path={f.key}
            label={`${t(f.label)} (${t('lang.nn')})`}
            value={props.base[f.key]}
            onChange={(v) => props.onBase({ ...props.base, [f.key]: v })}
            error={props.errorFor(f.key)}
            required
            {...(f.multiline ? { multiline: true } : {})}
          />
        ))}
      </fieldset>
      {(['nb', 'en'] as const).map((locale) => (
        <fieldset className="admin-localized" key={locale}>
          <legend>{t('admin.optionalLanguage', { language: t(`lang.${locale}`) })}</legend>
          {props.fields.map((f) => (
            <TextInput
              key={f.key}
              formId={props.formId}
              path={`translations.${locale}.${f.key}`}
              label={`${t(f.label)} (${t(`lang.${locale}`)})`}
              value={props.translations[locale][f.key]}
              onChange={(v) =>
                props.onTranslations({
                  ...props.translations,
                  [locale]: { ...props.translations[locale], [f.key]: v },
                })
              }
              error={props.errorFor(`translations.${locale}.${f.key}`)}
              {...(f.multiline ? { multiline: true } : {})}
            />
          ))}
        </fieldset>
      ))}
    </>
  );
}
