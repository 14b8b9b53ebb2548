import { listCategories, putCategory } from '@core/api/index';
import {
  type FormField,
  type FormFieldType,
  type Locale,
  type LocalizedText,
  type ProblemCategory,
  problemCategorySchema,
} from '@core/config/index';
import { CategoryFields } from '@web/components/CategoryFields';
import type { FormInputs } from '@web/components/category-inputs';
import { useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { useServerDataRefresh } from '../../stores/server-data-refresh';
import { useWorkstation } from '../../workstation/workstation-context';
import { type AdminTranslate, useAdminT } from './admin-messages';
import { ErrorSummary, type FormErrors, SavedNote, TextInput, useErrorFor } from './form-kit';
import {
  type FieldProblem,
  inputIdOf,
  issuesOf,
  type SaveFailure,
  saveFailureOf,
} from './form-problems';
import { useAdminResource } from './use-admin-resource';

const languages = ['nn', 'nb', 'en'] as const;
/** The field types the form builder offers (number stays readable in old forms). */
const builderTypes: FormFieldType[] = ['text', 'textarea', 'select', 'checkbox', 'date'];
const emptyText = (): LocalizedText => ({ nn: '', nb: '', en: '' });

interface FieldDraft {
  id: string;
  type: FormFieldType;
  required: boolean;
  label: LocalizedText;
  help: LocalizedText;
  options: Array<{ id: string; label: LocalizedText }>;
  maxLength?: number;
}

interface Draft {
  isNew: boolean;
  base: ProblemCategory | null;
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  fields: FieldDraft[];
}

function draftOf(c: ProblemCategory): Draft {
  return {
    isNew: false,
    base: c,
    id: c.id,
    name: { ...c.name },
    description: { ...c.description },
    fields: c.fields.map((f) => ({
      id: f.id,
      type: f.type,
      required: f.required,
      label: { ...f.label },
      help: f.help ? { ...f.help } : emptyText(),
      options: (f.options ?? []).map((o) => ({ id: o.id, label: { ...o.label } })),
      ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
    })),
  };
}

const isBlank = (t: LocalizedText) => !t.nn.trim() && !t.nb.trim() && !t.en.trim();

function fieldOf(f: FieldDraft): FormField {
  return {
    id: f.id.trim(),
    type: f.type,
    required: f.required,
    label: f.label,
    ...(isBlank(f.help) ? {} : { help: f.help }),
    ...(f.type === 'select'
      ? { options: f.options.map((o) => ({ id: o.id.trim(), label: o.label })) }
      : {}),
    ...(f.maxLength !== undefined && (f.type === 'text' || f.type === 'textarea')
      ? { maxLength: f.maxLength }
      : {}),
  };
}

function inputOf(d: Draft) {
  return {
    ...(d.base ?? {}),
    id: d.id.trim(),
    name: d.name,
    description: d.description,
    fields: d.fields.map(fieldOf),
  };
}

const words = {
  fields: {
    id: 'category.id',
    name: 'category.name',
    description: 'category.description',
    label: 'category.fieldLabel',
    help: 'category.fieldHelp',
    options: 'category.options',
  },
  items: { fields: 'category.field', options: 'category.option' },
} as const;

/** Problem categories and their portal forms: a form builder with a live preview. */
export function CategoriesSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const locale = useLocale();
  const [categories, reload] = useAdminResource(
    async (w) => (await w.api.call(listCategories, {})).categories,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  if (categories.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (categories.state === 'failed') {
    return <p className="field__error">{t('admin.loadFailed', { message: categories.message })}</p>;
  }
  const setRetired = async (c: ProblemCategory, retired: boolean) => {
    const { retired: _, ...rest } = c;
    await ws.api.call(putCategory, {
      params: { id: c.id },
      body: retired ? { ...rest, retired: true } : rest,
    });
    useServerDataRefresh.getState().refresh();
    reload();
  };
  return (
    <section aria-labelledby="admin-categories-title">
      <h2 id="admin-categories-title">{t('section.categories')}</h2>
      <SavedNote show={saved} />
      {draft ? (
        <CategoryForm
          draft={draft}
          existingIds={categories.value.map((c) => c.id)}
          onCancel={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            setSaved(true);
            useServerDataRefresh.getState().refresh();
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
                setDraft({
                  isNew: true,
                  base: null,
                  id: '',
                  name: emptyText(),
                  description: emptyText(),
                  fields: [],
                });
              }}
            >
              {t('category.add')}
            </button>
          </p>
          <ul className="admin-list" aria-label={t('category.list')}>
            {categories.value.map((c) => (
              <li key={c.id} className={c.retired ? 'admin-row--retired' : undefined}>
                <span>
                  <strong>{c.name[locale]}</strong> ({c.id}) ·{' '}
                  {t('category.fieldCount', { count: c.fields.length })}
                  {c.retired ? ` · ${t('admin.retired')}` : ''}
                </span>
                <span className="admin-actions">
                  <button
                    type="button"
                    aria-label={`${t('admin.edit')}: ${c.name.nn}`}
                    onClick={() => {
                      setSaved(false);
                      setDraft(draftOf(c));
                    }}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${c.retired ? t('admin.reinstate') : t('admin.retire')}: ${c.name.nn}`}
                    onClick={() => void setRetired(c, !c.retired)}
                  >
                    {c.retired ? t('admin.reinstate') : t('admin.retire')}
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

/** Three inputs for a text in every language, in one fieldset. */
function LocalizedInputs(props: {
  formId: string;
  path: string;
  legend: string;
  value: LocalizedText;
  onChange(value: LocalizedText): void;
  errorFor(path: string): string | undefined;
  multiline?: boolean;
  t: AdminTranslate;
}) {
  return (
    <fieldset className="admin-localized">
      <legend>{props.legend}</legend>
      {languages.map((l) => (
        <TextInput
          key={l}
          formId={props.formId}
          path={`${props.path}.${l}`}
          label={`${props.legend} (${props.t(`lang.${l}`)})`}
          value={props.value[l]}
          onChange={(text) => props.onChange({ ...props.value, [l]: text })}
          error={props.errorFor(`${props.path}.${l}`)}
          {...(props.multiline ? { multiline: true } : {})}
        />
      ))}
    </fieldset>
  );
}

function CategoryForm(props: {
  draft: Draft;
  existingIds: readonly string[];
  onCancel(): void;
  onSaved(): void;
}) {
  const t = useAdminT();
  const ws = useWorkstation();
  const [d, setD] = useState(props.draft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [previewLocale, setPreviewLocale] = useState<Locale>('nn');
  const [previewValues, setPreviewValues] = useState<FormInputs>({});
  const formId = 'category-form';
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);
  const setField = (i: number, patch: Partial<FieldDraft>) =>
    setD((x) => ({ ...x, fields: x.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const move = (i: number, by: number) =>
    setD((x) => {
      const fields = [...x.fields];
      const [f] = fields.splice(i, 1);
      fields.splice(i + by, 0, f!);
      return { ...x, fields };
    });

  const save = async () => {
    const input = inputOf(d);
    const found = issuesOf(problemCategorySchema, input);
    if (d.isNew && props.existingIds.includes(input.id)) {
      found.push({ path: 'id', message: 'exists' });
    }
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    try {
      await ws.api.call(putCategory, { params: { id: input.id }, body: input });
      props.onSaved();
    } catch (error) {
      const f = saveFailureOf(error);
      setProblems(f.kind === 'fields' ? f.problems : []);
      setFailure(f);
    }
  };

  // The preview shows the form as the portal will, from the draft as it is now.
  const preview: ProblemCategory = {
    id: d.id || 'preview',
    name: d.name,
    description: d.description,
    priorityHint: null,
    presetAnswers: {},
    fields: d.fields.map((f, i) => {
      const field = fieldOf(f);
      const label = field.label[previewLocale].trim() || `${t('category.field')} ${i + 1}`;
      return {
        ...field,
        id: `f${i}`,
        label: { ...field.label, [previewLocale]: label },
        ...(field.help && !field.help[previewLocale].trim() ? { help: undefined } : {}),
        ...(field.options
          ? {
              options: field.options.map((o, k) => ({
                id: `o${k}`,
                label: { ...o.label, [previewLocale]: o.label[previewLocale] || o.id || '…' },
              })),
            }
          : {}),
      } as FormField;
    }),
  };

  return (
    <div className="admin-split">
      <form
        className="admin-form"
        aria-labelledby={`${formId}-heading`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3 id={`${formId}-heading`}>
          {d.isNew
            ? t('category.newTitle')
            : t('category.editTitle', { name: props.draft.name.nn })}
        </h3>
        <ErrorSummary errors={errors} failure={failure} />
        <TextInput
          formId={formId}
          path="id"
          label={t('category.id')}
          value={d.id}
          onChange={(id) => setD({ ...d, id })}
          error={errorFor('id')}
          disabled={!d.isNew}
          required
        />
        <LocalizedInputs
          formId={formId}
          path="name"
          legend={t('category.name')}
          value={d.name}
          onChange={(name) => setD({ ...d, name })}
          errorFor={errorFor}
          t={t}
        />
        <LocalizedInputs
          formId={formId}
          path="description"
          legend={t('category.description')}
          value={d.description}
          onChange={(description) => setD({ ...d, description })}
          errorFor={errorFor}
          t={t}
        />
        <h4>{t('category.fields')}</h4>
        <ol className="admin-fields">
          {d.fields.map((f, i) => {
            const n = i + 1;
            const name = `${t('category.field')} ${n}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: fields are edited in place by position
              <li key={i} className="admin-item">
                <fieldset>
                  <legend>{name}</legend>
                  <TextInput
                    formId={formId}
                    path={`fields.${i}.id`}
                    label={`${t('category.fieldId')} (${name})`}
                    value={f.id}
                    onChange={(id) => setField(i, { id })}
                    error={errorFor(`fields.${i}.id`)}
                  />
                  <div className="field">
                    <label htmlFor={inputIdOf(formId, `fields.${i}.type`)}>
                      {`${t('category.fieldType')} (${name})`}
                    </label>
                    <select
                      id={inputIdOf(formId, `fields.${i}.type`)}
                      value={f.type}
                      onChange={(e) => {
                        const type = e.target.value as FormFieldType;
                        setField(i, {
                          type,
                          options:
                            type === 'select' && f.options.length === 0
                              ? [{ id: 'val1', label: emptyText() }]
                              : f.options,
                        });
                      }}
                    >
                      {[...builderTypes, ...(builderTypes.includes(f.type) ? [] : [f.type])].map(
                        (type) => (
                          <option key={type} value={type}>
                            {t(`category.type.${type}`)}
                          </option>
                        ),
                      )}
                    </select>
                  </div>
                  <div className="field field--checkbox">
                    <input
                      id={inputIdOf(formId, `fields.${i}.required`)}
                      type="checkbox"
                      checked={f.required}
                      onChange={(e) => setField(i, { required: e.target.checked })}
                    />
                    <label htmlFor={inputIdOf(formId, `fields.${i}.required`)}>
                      {`${t('category.fieldRequired')} (${name})`}
                    </label>
                  </div>
                  <LocalizedInputs
                    formId={formId}
                    path={`fields.${i}.label`}
                    legend={`${t('category.fieldLabel')} (${name})`}
                    value={f.label}
                    onChange={(label) => setField(i, { label })}
                    errorFor={errorFor}
                    t={t}
                  />
                  <LocalizedInputs
                    formId={formId}
                    path={`fields.${i}.help`}
                    legend={`${t('category.fieldHelp')} (${name})`}
                    value={f.help}
                    onChange={(help) => setField(i, { help })}
                    errorFor={errorFor}
                    t={t}
                  />
                  {f.type === 'select' ? (
                    <fieldset>
                      <legend>{`${t('category.options')} (${name})`}</legend>
                      {errorFor(`fields.${i}.options`) ? (
                        <p className="field__error">{errorFor(`fields.${i}.options`)}</p>
                      ) : null}
                      {f.options.map((o, k) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place
                        <div key={k} className="admin-item">
                          <TextInput
                            formId={formId}
                            path={`fields.${i}.options.${k}.id`}
                            label={`${t('category.optionId')} ${k + 1} (${name})`}
                            value={o.id}
                            onChange={(id) =>
                              setField(i, {
                                options: f.options.map((x, j) => (j === k ? { ...x, id } : x)),
                              })
                            }
                            error={errorFor(`fields.${i}.options.${k}.id`)}
                          />
                          <LocalizedInputs
                            formId={formId}
                            path={`fields.${i}.options.${k}.label`}
                            legend={`${t('category.option')} ${k + 1} (${name})`}
                            value={o.label}
                            onChange={(label) =>
                              setField(i, {
                                options: f.options.map((x, j) => (j === k ? { ...x, label } : x)),
                              })
                            }
                            errorFor={errorFor}
                            t={t}
                          />
                          <button
                            type="button"
                            onClick={() =>
                              setField(i, { options: f.options.filter((_, j) => j !== k) })
                            }
                          >
                            {`${t('admin.remove')}: ${t('category.option')} ${k + 1} (${name})`}
                          </button>
                        </div>
                      ))}
                      <button
                        type="button"
                        onClick={() =>
                          setField(i, {
                            options: [
                              ...f.options,
                              { id: `val${f.options.length + 1}`, label: emptyText() },
                            ],
                          })
                        }
                      >
                        {`${t('category.addOption')} (${name})`}
                      </button>
                    </fieldset>
                  ) : null}
                  <div className="row">
                    <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
                      {`${t('admin.moveUp')}: ${name}`}
                    </button>
                    <button
                      type="button"
                      disabled={i === d.fields.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      {`${t('admin.moveDown')}: ${name}`}
                    </button>
                    <button
                      type="button"
                      onClick={() => setD({ ...d, fields: d.fields.filter((_, j) => j !== i) })}
                    >
                      {`${t('admin.remove')}: ${name}`}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button
            type="button"
            onClick={() =>
              setD({
                ...d,
                fields: [
                  ...d.fields,
                  {
                    id: `felt${d.fields.length + 1}`,
                    type: 'text',
                    required: false,
                    label: emptyText(),
                    help: emptyText(),
                    options: [],
                  },
                ],
              })
            }
          >
            {t('category.addField')}
          </button>
        </p>
        <div className="row">
          <button type="submit" className="primary">
            {t('admin.save')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
      <section className="admin-preview" aria-labelledby="category-preview-title">
        <h3 id="category-preview-title">{t('admin.preview')}</h3>
        <div className="field">
          <label htmlFor="category-preview-lang">{t('admin.languages')}</label>
          <select
            id="category-preview-lang"
            value={previewLocale}
            onChange={(e) => setPreviewLocale(e.target.value as Locale)}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-preview__frame" data-testid="category-preview">
          <p className="admin-preview__name">{preview.name[previewLocale] || '…'}</p>
          <p>{preview.description[previewLocale]}</p>
          <CategoryFields
            category={preview}
            locale={previewLocale}
            values={previewValues}
            inputIdOf={(fieldId) => `category-preview-${fieldId}`}
            words={{ required: t('category.previewRequired'), choose: t('category.previewChoose') }}
            onChange={setPreviewValues}
          />
        </div>
      </section>
    </div>
  );
}
