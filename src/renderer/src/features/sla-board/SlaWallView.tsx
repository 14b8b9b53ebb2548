import { useEffect } from 'react';
import { formatDateTime, formatMinutes, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useNow } from '../../stores/clock-store';
import { useSyncStatus } from '../../sync/sync-status';
import { ChartPatterns } from './ChartPatterns';
import { KpiTiles } from './KpiTiles';
import { ComplianceChart, complianceText, OpenCasesChart } from './SlaCharts';
import { SlaRiskSection } from './SlaRiskSection';
import './sla-board.css';
import { useBoardContext } from './use-board-context';

function WallClock() {
  const now = useNow();
  const locale = useLocale();
  return <span className="sla-wall__clock">{formatTime(now, locale)}</span>;
}

/**
 * Full-screen wall mode (`#/wall`, or `?wall=1`): large type, nothing to click. It reads the
 * local store, so it keeps showing the last figures while the server restarts; the sync
 * engine reconnects by itself, and 'last synced' says how fresh the figures are.
 */
export default function SlaWallView() {
  const { ws, t, nameOf, report, lastSyncedAt } = useBoardContext();
  const locale = useLocale();
  const appT = useT();
  const online = useSyncStatus(ws.engine.status, (s) => s.online);
  useEffect(() => {
    document.documentElement.classList.add('is-wall');
    return () => document.documentElement.classList.remove('is-wall');
  }, []);

  return (
    <div className="sla-wall" data-testid="sla-wall">
      <ChartPatterns />
      <header className="sla-wall__head">
        <h1>{t('board.wallTitle')}</h1>
        <p className="sla-wall__status" role="status">
          <span className={online ? 'sla-wall__online' : 'sla-wall__offline'}>
            <span aria-hidden="true">{online ? '● ' : '○ '}</span>
            {online ? null : `${t('board.offline')} · `}
            <span data-testid="last-synced">
              {lastSyncedAt
                ? t('board.lastSynced', { time: formatDateTime(lastSyncedAt, locale) })
                : t('board.neverSynced')}
            </span>
          </span>
        </p>
        <WallClock />
      </header>
      {report === null ? (
        <p role="status">{t('board.loading')}</p>
      ) : (
        <>
          <KpiTiles report={report} t={t} />
          <div className="sla-wall__grid">
            <div className="sla-wall__main">
              <SlaRiskSection report={report} t={t} nameOf={nameOf} limit={7} />
              <section className="sla-card" aria-labelledby="wall-oncall">
                <h2 id="wall-oncall">{t('figure.onCall')}</h2>
                <p className="sla-oncall__summary">
                  {t('onCall.summary', {
                    total: report.onCall.total,
                    answered: report.onCall.answered,
                    within: report.onCall.withinTarget,
                    median:
                      report.onCall.medianAnswerMinutes === null
                        ? '—'
                        : formatMinutes(report.onCall.medianAnswerMinutes, appT),
                  })}
                </p>
                <p className="sla-wall__waiting">
                  <span>
                    {t('waiting.requester')}: <strong>{report.waiting.requester}</strong>
                  </span>
                  <span>
                    {t('waiting.thirdParty')}: <strong>{report.waiting.thirdParty}</strong>
                  </span>
                </p>
              </section>
            </div>
            <div className="sla-wall__side">
              <section className="sla-card" aria-labelledby="wall-open">
                <h2 id="wall-open">{t('figure.openCases')}</h2>
                <OpenCasesChart figure={report.openCases} t={t} height={215} fontSize={17} />
              </section>
              <section className="sla-card" aria-labelledby="wall-compliance">
                <h2 id="wall-compliance">{t('figure.compliance')}</h2>
                <p className="sla-totals">
                  <span>
                    {t('period.today')} · {t('clock.response')}:{' '}
                    <strong>
                      {complianceText(report.compliance.byPeriod.today.response.all, t)}
                    </strong>
                  </span>
                  <span>
                    {t('clock.resolution')}:{' '}
                    <strong>
                      {complianceText(report.compliance.byPeriod.today.resolution.all, t)}
                    </strong>
                  </span>
                </p>
                <p className="sla-note">
                  {t('period.days7')} · {t('compliance.byPriority')}
                </p>
                <ComplianceChart
                  response={report.compliance.byPeriod.days7.response}
                  resolution={report.compliance.byPeriod.days7.resolution}
                  by="priority"
                  t={t}
                  height={250}
                  fontSize={16}
                />
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
