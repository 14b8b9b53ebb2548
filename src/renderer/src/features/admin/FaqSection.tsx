import { createFaq, deleteFaq, listFaq, updateFaq } from '@core/api/index';
import { type FaqArticle, faqArticleInputSchema, faqCategoryIds } from '@core/content/index';
import { useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { useAdminT } from './admin-messages';
import { CheckboxGroup, ErrorSummary, type FormErrors, SavedNote, useErrorFor } from './form-kit';
import { type FieldProblem, issuesOf, type SaveFailure, saveFailureOf } from './form-problems';
import {
  TranslatedTexts,
  type Translations,
  translationsDraft,
  writtenTranslations,
} from './TranslatedTexts';
import { useAdminResource } from './use-admin-resource';

const keys = ['question', 'answer'] as const;
type Key = (typeof keys)[number];

interface Draft {
  id: string | null;
  base: Record<Key, string>;
  translations: Translations<Key>;
  categoryIds: string[];
  sortOrder: number;
}

const words = {
  fields: { question: 'faq.question', answer: 'faq.answer', categoryIds: 'faq.categories' },
} as const;

/** FAQ articles in three languages, with the categories they belong to. */
export function FaqSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const locale = useLocale();
  const categories = useServiceConfigStore((s) => s.config.categories);
  const [articles, reload] = useAdminResource(
    async (w) => (await w.api.call(listFaq, {})).articles,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  if (articles.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (articles.state === 'failed') {
    return <p className="field__error">{t('admin.loadFailed', { message: articles.message })}</p>;
  }
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.name[locale] ?? id;
  const edit = (a: FaqArticle | null) => {
    setSaved(false);
    setDraft(
      a
        ? {
            id: a.id,
            base: { question: a.question, answer: a.answer },
            translations: translationsDraft(keys, a.translations),
            categoryIds: faqCategoryIds(a),
            sortOrder: a.sortOrder,
          }
        : {
            id: null,
            base: { question: '', answer: '' },
            translations: translationsDraft(keys, undefined),
            categoryIds: [],
            sortOrder: 0,
          },
    );
  };
  return (
    <section aria-labelledby="admin-faq-title">
      <h2 id="admin-faq-title">{t('section.faq')}</h2>
      <SavedNote show={saved} />
      {draft ? (
        <FaqForm
          draft={draft}
          onCancel={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            setSaved(true);
            reload();
          }}
        />
      ) : (
        <>
          <p>
            <button type="button" className="primary" onClick={() => edit(null)}>
              {t('faq.add')}
            </button>
          </p>
          {articles.value.length === 0 ? <p>{t('admin.none')}</p> : null}
          <ul className="admin-list" aria-label={t('faq.list')}>
            {articles.value.map((a) => (
              <li key={a.id}>
                <span>
                  <strong>{a.question}</strong>
                  {faqCategoryIds(a).length > 0
                    ? ` · ${faqCategoryIds(a).map(nameOf).join(', ')}`
                    : ''}
                </span>
                <span className="admin-actions">
                  <button
                    type="button"
                    aria-label={`${t('admin.edit')}: ${a.question}`}
                    onClick={() => edit(a)}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('faq.delete')}: ${a.question}`}
                    onClick={() =>
                      void ws.api.call(deleteFaq, { params: { id: a.id } }).then(reload)
                    }
                  >
                    {t('faq.delete')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FaqForm(props: { draft: Draft; onCancel(): void; onSaved(): void }) {
  const t = useAdminT();
  const ws = useWorkstation();
  const locale = useLocale();
  const categories = useServiceConfigStore((s) => s.config.categories);
  const [d, setD] = useState(props.draft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const formId = 'faq-form';
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);
  const save = async () => {
    const input = {
      ...d.base,
      translations: writtenTranslations(d.translations),
      categoryId: null,
      categoryIds: d.categoryIds,
      sortOrder: d.sortOrder,
    };
    const found = issuesOf(faqArticleInputSchema, input);
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    try {
      if (d.id) await ws.api.call(updateFaq, { params: { id: d.id }, body: input });
      else await ws.api.call(createFaq, { body: input });
      props.onSaved();
    } catch (error) {
      const f = saveFailureOf(error);
      setProblems(f.kind === 'fields' ? f.problems : []);
      setFailure(f);
    }
  };
  return (
    <form
      className="admin-form"
      aria-labelledby={`${formId}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${formId}-heading`}>{d.id ? t('faq.editTitle') : t('faq.newTitle')}</h3>
      <ErrorSummary errors={errors} failure={failure} />
      <TranslatedTexts
        formId={formId}
        fields={[
          { key: 'question', label: 'faq.question' },
          { key: 'answer', label: 'faq.answer', multiline: true },
        ]}
        base={d.base}
        translations={d.translations}
        onBase={(base) => setD({ ...d, base })}
        onTranslations={(translations) => setD({ ...d, translations })}
        errorFor={errorFor}
      />
      <CheckboxGroup
        formId={formId}
        path="categoryIds"
        legend={t('faq.categories')}
        options={categories
          .filter((c) => !c.retired || d.categoryIds.includes(c.id))
          .map((c) => ({ value: c.id, label: c.name[locale] }))}
        chosen={d.categoryIds}
        onChange={(categoryIds) => setD({ ...d, categoryIds })}
        error={errorFor('categoryIds')}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('notice.publish')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
