import { exportAuditLog, listAuditLog } from '@core/api/index';
import type { AuditEntryView } from '@core/content/index';
import { formatDateTime } from '@web/i18n/format';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocale } from '../../i18n/use-t';
import { useDirectoryStore } from '../../stores/directory-store';
import { useServerDataRefresh } from '../../stores/server-data-refresh';
import { useWorkstation } from '../../workstation/workstation-context';
import { type AdminMessageKey, useAdminT } from './admin-messages';
import { osloDayStart } from './oslo-time';

/** The kinds of change the "what" filter offers, by action prefix. */
const kinds: ReadonlyArray<[string, AdminMessageKey]> = [
  ['municipality.', 'audit.kind.municipality'],
  ['category.', 'audit.kind.category'],
  ['notice.', 'audit.kind.notice'],
  ['faq.', 'audit.kind.faq'],
  ['template.', 'audit.kind.template'],
  ['statement.', 'audit.kind.statement'],
  ['settings.', 'audit.kind.settings'],
  ['user.', 'audit.kind.user'],
  ['signIn.', 'audit.kind.signIn'],
];

interface Filter {
  actorId: string;
  action: string;
  from: string;
  to: string;
}

function queryOf(f: Filter) {
  const from = osloDayStart(f.from);
  const to = osloDayStart(f.to, 1);
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The audit log: filtered by who, what and when, paged, exported as CSV; read-only. */
export function AuditSection() {
  const t = useAdminT();
  const ws = useWorkstation();
  const locale = useLocale();
  const staff = useDirectoryStore((s) => s.staff);
  const refreshed = useServerDataRefresh((s) => s.count);
  const [filter, setFilter] = useState<Filter>({ actorId: '', action: '', from: '', to: '' });
  const [shown, setShown] = useState<Filter>(filter);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on a new filter or a change elsewhere
  useEffect(() => {
    let stopped = false;
    ws.api.call(listAuditLog, { query: { ...queryOf(shown), limit: 50 } }).then(
      (page) => {
        if (stopped) return;
        setEntries(page.entries);
        setNext(page.next);
        setFailed(null);
      },
      (error: Error) => !stopped && setFailed(error.message),
    );
    return () => {
      stopped = true;
    };
  }, [ws, shown, refreshed]);

  const more = async () => {
    if (!next) return;
    const page = await ws.api.call(listAuditLog, {
      query: { ...queryOf(shown), limit: 50, before: next },
    });
    setEntries((e) => [...(e ?? []), ...page.entries]);
    setNext(page.next);
  };

  const download = async () => {
    const response = await ws.api.raw(exportAuditLog, {
      query: { ...queryOf(shown), lang: locale },
      headers: { accept: 'text/csv' },
    });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `saksbord-revisjonslogg-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(filter);
  };
  const kindName = (action: string) => {
    const kind = kinds.find(([prefix]) => action.startsWith(prefix));
    return kind ? `${t(kind[1])} · ${action}` : action;
  };

  return (
    <section aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title">{t('section.audit')}</h2>
      <p>{t('audit.appendOnly')}</p>
      <form className="admin-filter" aria-label={t('audit.filter')} onSubmit={submit}>
        <div className="field">
          <label htmlFor="audit-who">{t('audit.who')}</label>
          <select
            id="audit-who"
            value={filter.actorId}
            onChange={(e) => setFilter({ ...filter, actorId: e.target.value })}
          >
            <option value="">{t('audit.anyone')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-what">{t('audit.what')}</label>
          <select
            id="audit-what"
            value={filter.action}
            onChange={(e) => setFilter({ ...filter, action: e.target.value })}
          >
            <option value="">{t('audit.anything')}</option>
            {kinds.map(([prefix, key]) => (
              <option key={prefix} value={prefix}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={filter.from}
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={filter.to}
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </div>
        <div className="row">
          <button type="submit" className="primary">
            {t('audit.apply')}
          </button>
          <button type="button" onClick={() => void download()}>
            {t('audit.export')}
          </button>
        </div>
      </form>
      {failed ? <p className="field__error">{t('admin.loadFailed', { message: failed })}</p> : null}
      {entries === null ? <p role="status">{t('admin.loading')}</p> : null}
      {entries?.length === 0 ? <p>{t('audit.none')}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="admin-table" data-testid="audit-table">
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.who')}</th>
              <th scope="col">{t('audit.col.what')}</th>
              <th scope="col">{t('audit.col.target')}</th>
              <th scope="col">{t('audit.col.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale)}</td>
                <td>{e.actorId ? e.actorName : `${e.actorName} ${t('audit.system')}`}</td>
                <td>{kindName(e.action)}</td>
                <td>{e.targetId ?? '—'}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <p>
          <button type="button" onClick={() => void more()}>
            {t('audit.more')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
