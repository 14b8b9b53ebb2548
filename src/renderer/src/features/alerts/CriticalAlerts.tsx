import { statusAt } from '@core/calendar/index';
import { type CaseRecord, openStatuses } from '@core/case/index';
import { useEffect, useMemo } from 'react';
import { casesWithPriorityInStatuses } from '../../db/case-queries';
import { useStoreQuery } from '../../db/use-store-query';
import { useT } from '../../i18n/use-t';
import { useNow } from '../../stores/clock-store';
import { useRouteStore } from '../../stores/route-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { createCriticalAlertSink } from './critical-alert-sink';
import { dueAlerts, useCriticalAlertStore } from './critical-alert-store';

/**
 * Critical alerts: a notification at once when a critical case arrives, repeated every
 * `alerts.repeatMinutes` until someone acknowledges it, and a list on screen with one button
 * per case. Acknowledging records the first response.
 */
export function CriticalAlerts() {
  const t = useT();
  const ws = useWorkstation();
  const now = useNow();
  const alerts = useCriticalAlertStore((s) => s.alerts);
  const config = useServiceConfigStore((s) => s.config);
  const calendar = useServiceConfigStore((s) => s.calendar);
  const navigate = useRouteStore((s) => s.navigate);
  const sink = useMemo(() => createCriticalAlertSink(), []);

  useEffect(() => {
    void sink.ensurePermission();
    return () => useCriticalAlertStore.getState().reset();
  }, [sink]);

  // The local store is the other source: cases pulled as critical, and acknowledgements.
  const alertIds = Object.keys(alerts).sort().join(',');
  const local = useStoreQuery(
    ws.db,
    ['cases'],
    async () => {
      const critical = await casesWithPriorityInStatuses(ws.db, 'critical', openStatuses);
      const others = alertIds ? await ws.db.cases.bulkGet(alertIds.split(',')) : [];
      return [...critical, ...others.filter((c) => c !== undefined)] as CaseRecord[];
    },
    [alertIds],
  );
  useEffect(() => {
    if (local) useCriticalAlertStore.getState().reconcile(local, Date.now());
  }, [local]);

  // Show what is due: runs on every change of the alerts (at once) and on every clock tick.
  useEffect(() => {
    const due = dueAlerts(alerts, now, config.alerts.repeatMinutes);
    if (due.length === 0) return;
    const onCall = !statusAt(calendar, now).supportOpen;
    for (const alert of due) {
      const r = alert.record;
      const municipality =
        config.municipalities.find((m) => m.id === r.requester.municipalityId)?.name ??
        r.requester.municipalityId;
      const number = r.number ?? '';
      sink.show(
        {
          caseId: r.id,
          number: r.number,
          title: r.title,
          municipality,
          onCall,
          heading: t('alert.title', { number }),
          body: t(onCall ? 'alert.bodyOnCall' : 'alert.body', { title: r.title, municipality }),
        },
        () => navigate({ name: 'case', caseId: r.id }),
      );
    }
    useCriticalAlertStore.getState().markShown(
      due.map((a) => a.record.id),
      now,
    );
  }, [alerts, now, config, calendar, sink, t, navigate]);

  async function acknowledge(caseId: string) {
    try {
      await ws.repo.applyLocalChange(caseId, { type: 'acknowledged' });
    } catch {
      return; // not in the local store yet: the next pull brings it; the alert stays
    }
    sink.clear(caseId);
    useCriticalAlertStore.getState().dismiss(caseId);
  }

  const list = Object.values(alerts);
  if (list.length === 0) return null;
  return (
    <section className="alerts" aria-labelledby="alerts-title" data-testid="critical-alerts">
      <h2 id="alerts-title">
        <span aria-hidden="true">⚠ </span>
        {t('alert.list')} ({list.length})
      </h2>
      <ul>
        {list.map(({ record }) => {
          const number = record.number ?? '';
          return (
            <li key={record.id}>
              <span className="alerts__case">
                <strong>{number}</strong> {record.title}
              </span>
              <button type="button" onClick={() => navigate({ name: 'case', caseId: record.id })}>
                {t('alert.open', { number })}
              </button>
              <button type="button" className="primary" onClick={() => void acknowledge(record.id)}>
                {t('alert.acknowledge', { number })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
