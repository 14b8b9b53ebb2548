import { createReplyTemplate, listReplyTemplates, updateReplyTemplate } from '@core/api/index';
import {
  type ReplyTemplate,
  replyTemplateInputSchema,
  templatePlaceholders,
} from '@core/content/index';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { useAdminT } from './admin-messages';
import { CheckboxGroup, ErrorSummary, type FormErrors, SavedNote, useErrorFor } from './form-kit';
import {
  type FieldProblem,
  inputIdOf,
  issuesOf,
  type SaveFailure,
  saveFailureOf,
} from './form-problems';
import {
  TranslatedTexts,
  type Translations,
  translationsDraft,
  writtenTranslations,
} from './TranslatedTexts';
import { useAdminResource } from './use-admin-resource';

const keys = ['name', 'body'] as const;
type Key = (typeof keys)[number];
const statuses = ['inProgress', 'waiting', 'resolved', 'closed'] as const;
type TemplateStatus = (typeof statuses)[number];

interface Draft {
  id: string | null;
  base: Record<Key, string>;
  translations: Translations<Key>;
  lines: Array<1 | 2 | 3>;
  categoryIds: string[];
  setsStatus: TemplateStatus | null;
  retired: boolean;
}

const words = {
  fields: {
    name: 'template.name',
    body: 'template.body',
    lines: 'template.lines',
    categoryIds: 'template.categories',
  },
} as const;

function inputOf(d: Draft) {
  return {
    ...d.base,
    translations: writtenTranslations(d.translations),
    lines: d.lines,
    categoryIds: d.categoryIds,
    setsStatus: d.setsStatus,
    retired: d.retired,
  };
}

function draftOf(tpl: ReplyTemplate | null): Draft {
  if (!tpl) {
    return {
      id: null,
      base: { name: '', body: '' },
      translations: translationsDraft(keys, undefined),
      lines: [],
      categoryIds: [],
      setsStatus: null,
      retired: false,
    };
  }
  return {
    id: tpl.id,
    base: { name: tpl.name, body: tpl.body },
    translations: translationsDraft(keys, tpl.translations),
    lines: tpl.lines.filter((l): l is 1 | 2 | 3 => l === 1 || l === 2 || l === 3),
    categoryIds: [...tpl.categoryIds],
    setsStatus: (statuses as readonly string[]).includes(tpl.setsStatus ?? '')
      ? (tpl.setsStatus as TemplateStatus)
      : null,
    retired: tpl.retired,
  };
}

/** Reply templates: named texts with placeholders, per line and category, in three languages. */
export function TemplatesSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const [templates, reload] = useAdminResource(
    async (w) => (await w.api.call(listReplyTemplates, {})).templates,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  if (templates.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (templates.state === 'failed') {
    return <p className="field__error">{t('admin.loadFailed', { message: templates.message })}</p>;
  }
  const setRetired = async (tpl: ReplyTemplate, retired: boolean) => {
    await ws.api.call(updateReplyTemplate, {
      params: { id: tpl.id },
      body: { ...inputOf(draftOf(tpl)), retired },
    });
    reload();
  };
  return (
    <section aria-labelledby="admin-templates-title">
      <h2 id="admin-templates-title">{t('section.templates')}</h2>
      <SavedNote show={saved} />
      {draft ? (
        <TemplateForm
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
            <button
              type="button"
              className="primary"
              onClick={() => {
                setSaved(false);
                setDraft(draftOf(null));
              }}
            >
              {t('template.add')}
            </button>
          </p>
          {templates.value.length === 0 ? <p>{t('admin.none')}</p> : null}
          <ul className="admin-list" aria-label={t('template.list')}>
            {templates.value.map((tpl) => (
              <li key={tpl.id} className={tpl.retired ? 'admin-row--retired' : undefined}>
                <span>
                  <strong>{tpl.name}</strong>
                  {tpl.retired ? ` · ${t('admin.retired')}` : ''}
                </span>
                <span className="admin-actions">
                  <button
                    type="button"
                    aria-label={`${t('admin.edit')}: ${tpl.name}`}
                    onClick={() => {
                      setSaved(false);
                      setDraft(draftOf(tpl));
                    }}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${tpl.retired ? t('admin.reinstate') : t('admin.retire')}: ${tpl.name}`}
                    onClick={() => void setRetired(tpl, !tpl.retired)}
                  >
                    {tpl.retired ? t('admin.reinstate') : t('admin.retire')}
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

function TemplateForm(props: { draft: Draft; onCancel(): void; onSaved(): void }) {
  const t = useAdminT();
  const appT = useT();
  const ws = useWorkstation();
  const locale = useLocale();
  const categories = useServiceConfigStore((s) => s.config.categories);
  const [d, setD] = useState(props.draft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const formId = 'template-form';
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);
  const save = async () => {
    const input = inputOf(d);
    const found = issuesOf(replyTemplateInputSchema, input);
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    try {
      if (d.id) await ws.api.call(updateReplyTemplate, { params: { id: d.id }, body: input });
      else await ws.api.call(createReplyTemplate, { body: input });
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
      <h3 id={`${formId}-heading`}>{d.id ? t('template.editTitle') : t('template.newTitle')}</h3>
      <ErrorSummary errors={errors} failure={failure} />
      <p className="field__help" id={`${formId}-placeholders`}>
        {t('template.placeholders', {
          list: templatePlaceholders.map((p) => `{${p}}`).join(', '),
        })}
      </p>
      <TranslatedTexts
        formId={formId}
        fields={[
          { key: 'name', label: 'template.name' },
          { key: 'body', label: 'template.body', multiline: true },
        ]}
        base={d.base}
        translations={d.translations}
        onBase={(base) => setD({ ...d, base })}
        onTranslations={(translations) => setD({ ...d, translations })}
        errorFor={errorFor}
      />
      <CheckboxGroup
        formId={formId}
        path="lines"
        legend={t('template.lines')}
        help={t('admin.allLines')}
        options={([1, 2, 3] as const).map((line) => ({
          value: line,
          label: t('template.line', { line }),
        }))}
        chosen={d.lines}
        onChange={(lines) => setD({ ...d, lines })}
      />
      <CheckboxGroup
        formId={formId}
        path="categoryIds"
        legend={t('template.categories')}
        help={t('admin.allCategories')}
        options={categories
          .filter((c) => !c.retired || d.categoryIds.includes(c.id))
          .map((c) => ({ value: c.id, label: c.name[locale] }))}
        chosen={d.categoryIds}
        onChange={(categoryIds) => setD({ ...d, categoryIds })}
        error={errorFor('categoryIds')}
      />
      <div className="field">
        <label htmlFor={inputIdOf(formId, 'setsStatus')}>{t('template.setsStatus')}</label>
        <select
          id={inputIdOf(formId, 'setsStatus')}
          value={d.setsStatus ?? ''}
          onChange={(e) =>
            setD({ ...d, setsStatus: (e.target.value || null) as TemplateStatus | null })
          }
        >
          <option value="">{t('template.noStatus')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {appT(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {t('admin.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
