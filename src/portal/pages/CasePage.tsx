import type { CaseEvent, CaseRecord } from '@core/case';
import { priorityName } from '@core/priority';
import { formatDateTime } from '@web/i18n/format';
import { useCallback, useEffect, useState } from 'react';
import { PortalLink } from '../app/PortalLink';
import { usePortal } from '../app/portal-context';
import { publicHistory } from '../logic/public-history';
import { AttachmentsSection } from './AttachmentsSection';
import { CaseActions } from './CaseActions';
import { statusLabel } from './case-labels';
import { HistoryList } from './HistoryList';

/** One of the requester's cases: its details, the public history, and what they may do. */
export function CasePage({ id }: { id: string }) {
  const { t, locale, api, config, session, navigate } = usePortal();
  const [data, setData] = useState<{ record: CaseRecord; events: CaseEvent[] } | null>(null);
  const [missing, setMissing] = useState(false);
  // A critical case outside support hours pages the person on call: the requester sees it.
  const [onCall, setOnCall] = useState<{
    pagedAt: string | null;
    acknowledgedAt: string | null;
  } | null>(null);

  const load = useCallback(async () => {
    try {
      const result = await api.getCase(id);
      setData({ record: result.case, events: result.events });
      if (result.case.priority === 'critical' && api.onCallStatus) {
        const status = await api.onCallStatus(id).catch(() => null);
        setOnCall(status?.paged ? status : null);
      }
    } catch {
      setMissing(true);
    }
  }, [api, id]);

  useEffect(() => {
    void load();
    // The agents' replies arrive while the page is open.
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);

  const back = (
    <p>
      <PortalLink to={{ name: 'cases' }} navigate={navigate}>
        {t('case.back')}
      </PortalLink>
    </p>
  );
  if (!data) {
    return (
      <>
        <h1 tabIndex={-1}>{missing ? t('case.notFound') : t('app.loading')}</h1>
        {back}
      </>
    );
  }
  const { record } = data;
  const category = config.categories.find((c) => c.id === record.categoryId);
  return (
    <>
      {back}
      <h1 tabIndex={-1}>
        <span className="case-number">
          {t('case.heading', { number: record.number ?? t('case.unnumbered') })}
        </span>{' '}
        {record.title}
      </h1>
      <div className="card">
        <dl className="details">
          <div>
            <dt>{t('case.status')}</dt>
            <dd>
              <span className={`status status--${record.status}`} data-testid="case-status">
                {statusLabel(record, t)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('case.priority')}</dt>
            <dd>{priorityName(record.priority, locale)}</dd>
          </div>
          {onCall?.pagedAt ? (
            <div>
              <dt>{t('case.onCall')}</dt>
              <dd data-testid="case-on-call">
                {t('case.onCallPaged', { time: formatDateTime(onCall.pagedAt, locale) })}
                {onCall.acknowledgedAt ? (
                  <>
                    <br />
                    {t('case.onCallAcknowledged', {
                      time: formatDateTime(onCall.acknowledgedAt, locale),
                    })}
                  </>
                ) : null}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('case.category')}</dt>
            <dd>{category ? category.name[locale] : '–'}</dd>
          </div>
          <div>
            <dt>{t('case.line')}</dt>
            <dd>{t(`line.${record.line}`)}</dd>
          </div>
          <div>
            <dt>{t('case.reported')}</dt>
            <dd>{formatDateTime(record.createdAt, locale)}</dd>
          </div>
        </dl>
        {record.description && (
          <>
            <h2 className="subheading">{t('case.description')}</h2>
            <p className="pre-wrap">{record.description}</p>
          </>
        )}
      </div>
      <CaseActions record={record} onChanged={load} />
      <section aria-labelledby="history-heading" className="section">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <HistoryList entries={publicHistory(data.events, session.user.id)} />
      </section>
      <AttachmentsSection caseId={record.id} onUploaded={() => void load()} />
    </>
  );
}
