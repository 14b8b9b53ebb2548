import { useState } from 'react';
import type { LocalCase } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { CaseEditForm } from './CaseEditForm';
import { formEntriesBesideDescription } from './form-entries';

/** The description and the category form's answers. */
export function CaseDetails({ record: c }: { record: LocalCase }) {
  const t = useT();
  const locale = useLocale();
  const category = useServiceConfigStore((s) => s.config.categories).find(
    (k) => k.id === c.categoryId,
  );
  const [editing, setEditing] = useState(false);
  const entries = formEntriesBesideDescription(c.formValues, c.description);
  const label = (id: string) => category?.fields.find((f) => f.id === id)?.label[locale] ?? id;
  const value = (id: string, v: string | number | boolean) => {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    const option = category?.fields.find((f) => f.id === id)?.options?.find((o) => o.id === v);
    return option ? option.label[locale] : String(v);
  };
  return (
    <section className="panel" aria-labelledby="desc-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="desc-title">{t('case.description')}</h2>
        {editing ? null : (
          <button type="button" onClick={() => setEditing(true)}>
            {t('case.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <CaseEditForm record={c} onDone={() => setEditing(false)} />
      ) : (
        <p style={{ whiteSpace: 'pre-wrap' }}>{c.description || t('common.none')}</p>
      )}
      {entries.length > 0 ? (
        <>
          <h3>{t('case.form')}</h3>
          <dl className="facts">
            {entries.map(([id, v]) => (
              <div key={id} style={{ display: 'contents' }}>
                <dt>{label(id)}</dt>
                <dd>{value(id, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
