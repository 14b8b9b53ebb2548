import { getOnCallLog, type onCallLogSchema, type RotaView } from '@core/api';
import { formatDateTime } from '@web/i18n/format';
import { useState } from 'react';
import type { z } from 'zod';
import { useLanguageStore } from '../../i18n/language-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { periodText } from './OnCallNow';
import { useOnCallT } from './oncall-messages';

type Log = z.infer<typeof onCallLogSchema>;

/** The on-call log of one period, for on-call pay: table and CSV. */
export function OnCallLogSection({ periods }: { periods: RotaView['assignments'] }) {
  const ws = useWorkstation();
  const t = useOnCallT();
  const locale = useLanguageStore((s) => s.locale);
  const [period, setPeriod] = useState(periods[0]?.period.id ?? '');
  const [log, setLog] = useState<Log | null>(null);
  const [status, setStatus] = useState('');
  const show = async () => {
    try {
      setLog(await ws.api.call(getOnCallLog, { query: { from: period } }));
      setStatus('');
    } catch (error) {
      setStatus(t('loadFailed', { message: (error as Error).message }));
    }
  };
  const download = async () => {
    const response = await ws.api.raw(getOnCallLog, { query: { from: period, format: 'csv' } });
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `vaktlogg-${period.replace(':', '')}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <section aria-labelledby="oncall-log-heading" className="oncall-section">
      <h2 id="oncall-log-heading">{t('log.heading')}</h2>
      <div className="oncall-inline">
        <label>
          {t('log.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            {periods.map((a) => (
              <option key={a.period.id} value={a.period.id}>
                {periodText(t, a, locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void show()}>
          {t('log.show')}
        </button>
        <button type="button" onClick={() => void download()}>
          {t('log.csv')}
        </button>
      </div>
      <p role="status">{status}</p>
      {log && log.rows.length === 0 ? <p>{t('log.empty')}</p> : null}
      {log && log.rows.length > 0 ? (
        <table className="oncall-table">
          <caption>{t('log.heading')}</caption>
          <thead>
            <tr>
              {(
                [
                  'log.col.case',
                  'log.col.pagedAt',
                  'log.col.pagedTo',
                  'log.col.ack',
                  'log.col.response',
                  'log.col.worked',
                ] as const
              ).map((k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.caseId}>
                <th scope="row">
                  <a href={`#/case/${r.caseId}`}>{r.number ?? r.caseId}</a> {r.title}
                </th>
                <td>{r.firstPagedAt ? formatDateTime(r.firstPagedAt, locale) : ''}</td>
                <td>{r.pagedTo.join(', ')}</td>
                <td>
                  {r.acknowledgedAt
                    ? `${formatDateTime(r.acknowledgedAt, locale)} (${r.acknowledgedBy ?? ''})`
                    : ''}
                </td>
                <td>{r.responseMinutes ?? ''}</td>
                <td>{r.workedMinutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
