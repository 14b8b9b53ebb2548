import { createNotice, deleteNotice, listNotices, updateNotice } from '@core/api/index';
import type { Locale } from '@core/config/index';
import {
  isNoticeInForce,
  isNoticeScheduled,
  type Notice,
  type NoticeSeverity,
  noticeInputSchema,
  noticeSeverities,
} from '@core/content/index';
import { NoticeCard } from '@web/components/NoticeCard';
import { useState } from 'react';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { adminTranslator, useAdminT } from './admin-messages';
import {
  CheckboxGroup,
  ErrorSummary,
  type FormErrors,
  SavedNote,
  TextInput,
  useErrorFor,
} from './form-kit';
import {
  type FieldProblem,
  inputIdOf,
  issuesOf,
  type SaveFailure,
  saveFailureOf,
} from './form-problems';
import { instantFromOslo, osloInputValue } from './oslo-time';
import {
  TranslatedTexts,
  type Translations,
  translationsDraft,
  writtenTranslations,
} from './TranslatedTexts';
import { useAdminResource } from './use-admin-resource';

const keys = ['title', 'body'] as const;
type Key = (typeof keys)[number];

interface Draft {
  id: string | null;
  base: Record<Key, string>;
  translations: Translations<Key>;
  severity: NoticeSeverity;
  municipalityIds: string[];
  categoryIds: string[];
  validFrom: string;
  validTo: string;
}

function draftOf(n: Notice): Draft {
  return {
    id: n.id,
    base: { title: n.title, body: n.body },
    translations: translationsDraft(keys, n.translations),
    severity: n.severity,
    municipalityIds: [...n.municipalityIds],
    categoryIds: [...n.categoryIds],
    validFrom: osloInputValue(n.validFrom),
    validTo: n.validTo ? osloInputValue(n.validTo) : '',
  };
}

function inputOf(d: Draft) {
  return {
    ...d.base,
    translations: writtenTranslations(d.translations),
    severity: d.severity,
    municipalityIds: d.municipalityIds,
    categoryIds: d.categoryIds,
    validFrom: instantFromOslo(d.validFrom),
    validTo: d.validTo ? instantFromOslo(d.validTo) : null,
  };
}

const words = {
  fields: {
    title: 'notice.title',
    body: 'notice.body',
    validFrom: 'notice.from',
    validTo: 'notice.to',
    municipalityIds: 'notice.municipalities',
    categoryIds: 'notice.categories',
  },
} as const;

/** Operational notices: write in three languages, scope, schedule, preview, withdraw. */
export function NoticesSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const [notices, reload] = useAdminResource(
    async (w) => (await w.api.call(listNotices, { query: { all: 'true' } })).notices,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  if (notices.state === 'loading') return <p role="status">{t('admin.loading')}</p>;
  if (notices.state === 'failed') {
    return <p className="field__error">{t('admin.loadFailed', { message: notices.message })}</p>;
  }
  const now = new Date();
  const stateOf = (n: Notice) =>
    isNoticeInForce(n, now)
      ? t('notice.state.active')
      : isNoticeScheduled(n, now)
        ? t('notice.state.scheduled')
        : t('notice.state.ended');
  return (
    <section aria-labelledby="admin-notices-title">
      <h2 id="admin-notices-title">{t('section.notices')}</h2>
      <SavedNote show={saved} />
      {draft ? (
        <NoticeForm
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
                setDraft({
                  id: null,
                  base: { title: '', body: '' },
                  translations: translationsDraft(keys, undefined),
                  severity: 'info',
                  municipalityIds: [],
                  categoryIds: [],
                  validFrom: osloInputValue(new Date().toISOString()),
                  validTo: '',
                });
              }}
            >
              {t('notice.add')}
            </button>
          </p>
          {notices.value.length === 0 ? <p>{t('admin.none')}</p> : null}
          <ul className="admin-list" aria-label={t('notice.list')}>
            {notices.value.map((n) => (
              <li key={n.id}>
                <span>
                  <strong>{n.title}</strong> · {t(`notice.severity.${n.severity}`)} · {stateOf(n)}
                </span>
                <span className="admin-actions">
                  <button
                    type="button"
                    aria-label={`${t('admin.edit')}: ${n.title}`}
                    onClick={() => {
                      setSaved(false);
                      setDraft(draftOf(n));
                    }}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('notice.withdraw')}: ${n.title}`}
                    onClick={() =>
                      void ws.api.call(deleteNotice, { params: { id: n.id } }).then(reload)
                    }
                  >
                    {t('notice.withdraw')}
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

function NoticeForm(props: { draft: Draft; onCancel(): void; onSaved(): void }) {
  const t = useAdminT();
  const ws = useWorkstation();
  const config = useServiceConfigStore((s) => s.config);
  const [d, setD] = useState(props.draft);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [previewLocale, setPreviewLocale] = useState<Locale>('nn');
  const formId = 'notice-form';
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);

  const save = async () => {
    const input = inputOf(d);
    const found = issuesOf(noticeInputSchema, input);
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    try {
      if (d.id) await ws.api.call(updateNotice, { params: { id: d.id }, body: input });
      else await ws.api.call(createNotice, { body: input });
      props.onSaved();
    } catch (error) {
      const f = saveFailureOf(error);
      setProblems(f.kind === 'fields' ? f.problems : []);
      setFailure(f);
    }
  };
  const input = inputOf(d);
  const preview = {
    severity: d.severity,
    title: d.base.title || '…',
    body: d.base.body,
    validTo: d.validTo && !Number.isNaN(Date.parse(input.validTo ?? '')) ? input.validTo : null,
    translations: input.translations as Notice['translations'],
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
        <h3 id={`${formId}-heading`}>{d.id ? t('notice.editTitle') : t('notice.newTitle')}</h3>
        <ErrorSummary errors={errors} failure={failure} />
        <TranslatedTexts
          formId={formId}
          fields={[
            { key: 'title', label: 'notice.title' },
            { key: 'body', label: 'notice.body', multiline: true },
          ]}
          base={d.base}
          translations={d.translations}
          onBase={(base) => setD({ ...d, base })}
          onTranslations={(translations) => setD({ ...d, translations })}
          errorFor={errorFor}
        />
        <div className="field">
          <label htmlFor={inputIdOf(formId, 'severity')}>{t('notice.severity')}</label>
          <select
            id={inputIdOf(formId, 'severity')}
            value={d.severity}
            onChange={(e) => setD({ ...d, severity: e.target.value as NoticeSeverity })}
          >
            {noticeSeverities.map((s) => (
              <option key={s} value={s}>
                {t(`notice.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          formId={formId}
          path="municipalityIds"
          legend={t('notice.municipalities')}
          help={t('admin.allMunicipalities')}
          options={config.municipalities
            .filter((m) => !m.retired || d.municipalityIds.includes(m.id))
            .map((m) => ({ value: m.id, label: m.name }))}
          chosen={d.municipalityIds}
          onChange={(municipalityIds) => setD({ ...d, municipalityIds })}
          error={errorFor('municipalityIds')}
        />
        <CheckboxGroup
          formId={formId}
          path="categoryIds"
          legend={t('notice.categories')}
          options={config.categories
            .filter((c) => !c.retired || d.categoryIds.includes(c.id))
            .map((c) => ({ value: c.id, label: c.name.nn }))}
          chosen={d.categoryIds}
          onChange={(categoryIds) => setD({ ...d, categoryIds })}
          error={errorFor('categoryIds')}
        />
        <TextInput
          formId={formId}
          path="validFrom"
          type="datetime-local"
          label={t('notice.from')}
          value={d.validFrom}
          onChange={(validFrom) => setD({ ...d, validFrom })}
          error={errorFor('validFrom')}
          required
        />
        <TextInput
          formId={formId}
          path="validTo"
          type="datetime-local"
          label={t('notice.to')}
          value={d.validTo}
          onChange={(validTo) => setD({ ...d, validTo })}
          error={errorFor('validTo')}
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
      <section className="admin-preview" aria-labelledby="notice-preview-title">
        <h3 id="notice-preview-title">{t('admin.preview')}</h3>
        <div className="field">
          <label htmlFor="notice-preview-lang">{t('admin.languages')}</label>
          <select
            id="notice-preview-lang"
            value={previewLocale}
            onChange={(e) => setPreviewLocale(e.target.value as Locale)}
          >
            {(['nn', 'nb', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <ul className="notices admin-preview__frame" data-testid="notice-preview">
          <NoticeCard
            notice={preview}
            locale={previewLocale}
            headingLevel={4}
            words={previewWords(previewLocale)}
          />
        </ul>
      </section>
    </div>
  );
}

/** The portal's words around a notice, in the preview's language. */
function previewWords(locale: Locale) {
  const pt = adminTranslator(locale);
  return {
    severity: {
      info: pt('notice.severity.info'),
      warning: pt('notice.severity.warning'),
      critical: pt('notice.severity.critical'),
    },
    validTo: (time: string) => pt('notice.validTo', { time }),
    fallback: pt('admin.fallbackShown', { language: pt(`lang.${locale}`) }),
  };
}
