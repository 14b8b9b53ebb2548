import { getStatement, putStatement } from '@core/api/index';
import { type StatementKind, statementInputSchema } from '@core/content/index';
import { formatDateTime } from '@web/i18n/format';
import { useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { useWorkstation } from '../../workstation/workstation-context';
import { useAdminT } from './admin-messages';
import { ErrorSummary, type FormErrors, SavedNote, useErrorFor } from './form-kit';
import { type FieldProblem, issuesOf, type SaveFailure, saveFailureOf } from './form-problems';
import {
  TranslatedTexts,
  type Translations,
  translationsDraft,
  writtenTranslations,
} from './TranslatedTexts';
import { useAdminResource } from './use-admin-resource';

const keys = ['title', 'body'] as const;
type Key = (typeof keys)[number];
const words = { fields: { title: 'statement.title', body: 'statement.body' } } as const;

/** The portal's accessibility and privacy statements, written here. */
export function StatementsSection() {
  const t = useAdminT();
  return (
    <section aria-labelledby="admin-statements-title">
      <h2 id="admin-statements-title">{t('section.statements')}</h2>
      <StatementForm kind="accessibility" />
      <StatementForm kind="privacy" />
    </section>
  );
}

function StatementForm({ kind }: { kind: StatementKind }) {
  const t = useAdminT();
  const ws = useWorkstation();
  const locale = useLocale();
  const [statement, reload] = useAdminResource((w) =>
    w.api.call(getStatement, { params: { kind } }),
  );
  const [edit, setEdit] = useState<{
    base: Record<Key, string>;
    translations: Translations<Key>;
  } | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const formId = `statement-${kind}`;
  const errors: FormErrors = { formId, problems, words };
  const errorFor = useErrorFor(errors);
  if (statement.state !== 'ready') return <p role="status">{t('admin.loading')}</p>;
  const s = statement.value;
  const draft = edit ?? {
    base: { title: s.title || t(`statement.${kind}`), body: s.body },
    translations: translationsDraft(keys, s.translations),
  };
  const save = async () => {
    const input = { ...draft.base, translations: writtenTranslations(draft.translations) };
    const found = issuesOf(statementInputSchema, input);
    if (found.length > 0) {
      setProblems(found);
      setFailure({ kind: 'fields', problems: found });
      return;
    }
    try {
      await ws.api.call(putStatement, { params: { kind }, body: input });
      setEdit(null);
      setProblems([]);
      setFailure(null);
      setSaved(true);
      reload();
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
      <h3 id={`${formId}-heading`}>{t(`statement.${kind}`)}</h3>
      <p>
        {s.updatedAt
          ? t('statement.updated', { time: formatDateTime(s.updatedAt, locale) })
          : t('statement.never')}
      </p>
      <ErrorSummary errors={errors} failure={failure} />
      <TranslatedTexts
        formId={formId}
        fields={[
          { key: 'title', label: 'statement.title' },
          { key: 'body', label: 'statement.body', multiline: true },
        ]}
        base={draft.base}
        translations={draft.translations}
        onBase={(base) => {
          setSaved(false);
          setEdit({ ...draft, base });
        }}
        onTranslations={(translations) => {
          setSaved(false);
          setEdit({ ...draft, translations });
        }}
        errorFor={errorFor}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('admin.save')}
        </button>
      </div>
      <SavedNote show={saved} />
    </form>
  );
}
