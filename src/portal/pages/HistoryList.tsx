import { priorityLabels } from '@core/priority';
import { formatDateTime } from '@web/i18n/format';
import { usePortal } from '../app/portal-context';
import type { HistoryEntry } from '../logic/public-history';

export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t, locale } = usePortal();
  const text = (e: HistoryEntry): string => {
    switch (e.kind) {
      case 'created':
        return t('history.created');
      case 'status':
        return t('history.status', { status: t(`status.${e.status}`) });
      case 'priority':
        return t('history.priority', { priority: priorityLabels[locale][e.priority] });
      case 'escalated':
        return t('history.escalated', { line: t(`line.${e.line}`) });
      case 'assigned':
        return t('history.assigned');
      case 'acknowledged':
        return t('history.acknowledged');
      case 'fields':
        return t('history.fields');
      case 'merged':
        return t('history.merged');
      case 'linked':
        return t('history.linked');
      case 'comment':
        return t('history.comment');
      case 'attachment':
        return t('history.attachment', { fileName: e.fileName });
    }
  };
  return (
    <ol className="history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className={`history__entry history__entry--${e.kind} by-${e.by}`}>
          <p className="history__meta">
            <strong>{e.by === 'you' ? t('history.you') : t('history.support')}</strong>
            {' · '}
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
          </p>
          <p className="history__what">{text(e)}</p>
          {e.kind === 'comment' && <p className="history__comment pre-wrap">{e.body}</p>}
          {e.kind === 'status' && e.note !== '' && (
            <p className="history__comment pre-wrap">{e.note}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
