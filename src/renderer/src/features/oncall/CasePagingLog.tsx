import { type CasePaging, getCasePaging } from '@core/api';
import { formatDateTime } from '@web/i18n/format';
import { useEffect, useState } from 'react';
import { useLanguageStore } from '../../i18n/language-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { type OnCallMessageKey, useOnCallT } from './oncall-messages';

const kinds = [
  'critical',
  'paged',
  'delivered',
  'failed',
  'escalated',
  'acknowledged',
  'closed',
  'slaWarning',
];

/**
 * A case's paging history (every page, delivery, failure, escalation, acknowledgement and SLA
 * warning), shown in the case view beside its events. Online only: it is the server's log.
 */
export function CasePagingLog({ caseId, version }: { caseId: string; version?: number }) {
  const ws = useWorkstation();
  const t = useOnCallT();
  const locale = useLanguageStore((s) => s.locale);
  const [paging, setPaging] = useState<CasePaging | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the case changes
  useEffect(() => {
    ws.api.call(getCasePaging, { params: { id: caseId } }).then(setPaging, () => setPaging(null));
  }, [ws, caseId, version]);
  if (!paging || paging.log.length === 0) return null;
  const channel = (c: string | null) =>
    c && ['push', 'sms', 'email', 'link', 'app'].includes(c)
      ? t(`channel.${c}` as OnCallMessageKey)
      : (c ?? '');
  return (
    <section aria-labelledby={`paging-${caseId}`} className="oncall-case-log">
      <h3 id={`paging-${caseId}`}>{t('paging.heading')}</h3>
      <ol>
        {paging.log
          .filter((l) => kinds.includes(l.kind))
          .map((l) => (
            <li key={`${l.at}-${l.kind}-${l.targetName ?? ''}-${l.channel ?? ''}-${l.detail}`}>
              <time dateTime={l.at}>{formatDateTime(l.at, locale)}</time>{' '}
              {t(`paging.${l.kind}` as OnCallMessageKey, {
                target: l.targetName ?? '',
                channel: channel(l.channel),
                detail: l.kind === 'failed' ? l.detail.replace(/^\S+ /, '') : l.detail,
              })}
            </li>
          ))}
      </ol>
    </section>
  );
}
