import { getOnCallNow, getRota, type OnCallNow as OnCallNowBody, type RotaView } from '@core/api';
import { useEffect, useState } from 'react';
import { useWorkstation } from '../../workstation/workstation-context';
import { OnCallLogSection } from './OnCallLogSection';
import { OnCallNow } from './OnCallNow';
import { useOnCallT } from './oncall-messages';
import { PagingContactForm } from './PagingContactForm';
import { RotaSection } from './RotaSection';
import './oncall.css';

/**
 * The on-call screen (`#/vakt`): who is on call now and next (everyone), how I am paged, the
 * rota (the team leader edits it) and, for team leaders and admins, the on-call log.
 */
export function OnCallView() {
  const ws = useWorkstation();
  const t = useOnCallT();
  const [now, setNow] = useState<OnCallNowBody | null>(null);
  const [recent, setRecent] = useState<RotaView['assignments']>([]);
  const [problem, setProblem] = useState('');
  const leader = ws.actor.role === 'teamLeader' || ws.actor.role === 'admin';
  useEffect(() => {
    ws.api.call(getOnCallNow, {}).then(setNow, (e: Error) => setProblem(e.message));
    if (leader) {
      const from = new Date(Date.now() - 13 * 86_400_000).toISOString().slice(0, 10);
      ws.api.call(getRota, { query: { from, days: 14 } }).then(
        (r) => setRecent([...r.assignments].reverse()),
        () => {},
      );
    }
  }, [ws, leader]);
  return (
    <section className="oncall-view" aria-labelledby="oncall-title">
      <h1 id="oncall-title">{t('oncall.title')}</h1>
      {problem ? <p role="alert">{t('loadFailed', { message: problem })}</p> : null}
      {now ? <OnCallNow now={now} /> : <p role="status">{t('loading')}</p>}
      <PagingContactForm />
      <RotaSection canEdit={leader} />
      {leader && recent.length > 0 ? <OnCallLogSection periods={recent} /> : null}
    </section>
  );
}
