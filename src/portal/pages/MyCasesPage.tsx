import type { CaseRecord } from '@core/case';
import { priorityName } from '@core/priority';
import { formatDateTime } from '@web/i18n/format';
import { useEffect, useState } from 'react';
import { PortalLink } from '../app/PortalLink';
import { usePortal } from '../app/portal-context';
import { statusLabel } from './case-labels';

/**
 * The requester's own cases (the server lists nobody else's), newest change first. On a phone
 * each row is a small block with its labels (portal.css), so no column is scrolled out of view.
 */
export function MyCasesPage() {
  const { t, locale, api, navigate } = usePortal();
  const [cases, setCases] = useState<CaseRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api
        .listCases()
        .then((list) => {
          if (stopped) return;
          setCases(list.cases);
          setFailed(false);
        })
        .catch(() => {
          if (!stopped) setFailed(true);
        });
    void load();
    const timer = setInterval(load, 15_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);

  return (
    <>
      <h1 tabIndex={-1}>{t('cases.heading')}</h1>
      {failed && <p className="alert alert--error">{t('cases.failed')}</p>}
      {cases === null && !failed && <p role="status">{t('cases.loading')}</p>}
      {cases?.length === 0 && (
        <div className="card">
          <p>{t('cases.none')}</p>
          <p className="actions">
            <PortalLink to={{ name: 'report' }} navigate={navigate} className="button">
              {t('nav.report')}
            </PortalLink>
          </p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <div className="table-wrap">
          <table className="cases">
            <caption>{t('cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.title')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('cases.priority')}</th>
                <th scope="col">{t('cases.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap" data-label={t('cases.number')}>
                    {c.number ?? '–'}
                  </td>
                  <td data-label={t('cases.title')}>
                    <PortalLink to={{ name: 'case', id: c.id }} navigate={navigate}>
                      {c.title}
                    </PortalLink>
                  </td>
                  <td data-label={t('cases.status')}>
                    <span className={`status status--${c.status}`}>{statusLabel(c, t)}</span>
                  </td>
                  <td data-label={t('cases.priority')}>{priorityName(c.priority, locale)}</td>
                  <td className="nowrap" data-label={t('cases.updated')}>
                    {formatDateTime(c.updatedAt, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
