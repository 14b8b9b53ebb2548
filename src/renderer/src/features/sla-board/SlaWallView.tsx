import type { CriticalWaitingFigure } from '@core/reports/index';
import { useEffect } from 'react';
import { formatDateTime, formatMinutes, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useNow } from '../../stores/clock-store';
import { useRouteStore } from '../../stores/route-store';
import { useSyncStatus } from '../../sync/sync-status';
import { LiveBanner } from '../banner/LiveBanner';
import { ChartPatterns } from './ChartPatterns';
import { Countdown } from './Countdown';
import { KpiTiles } from './KpiTiles';
import { ComplianceChart, complianceText, OpenCasesChart } from './SlaCharts';
import { SlaRiskSection } from './SlaRiskSection';
import type { SlaTranslate } from './sla-board-messages';
import './sla-board.css';
import { useBoardContext } from './use-board-context';

/** Rows per list on the wall: with the banner, all of it fits a 1920 × 1080 screen. */
const wallLimits = { critical: 3, atRisk: 5, breached: 3 } as const;

function WallClock() {
  const now = useNow();
  const locale = useLocale();
  return <span className="sla-wall__clock">{formatTime(now, locale)}</span>;
}

/** Critical cases nobody has acknowledged yet, as the workstation's alert list shows them. */
function CriticalWaiting({ figure, t }: { figure: CriticalWaitingFigure; t: SlaTranslate }) {
  const rows = figure.rows;
  const shown = rows.slice(0, wallLimits.critical);
  return (
    <section
      className={`sla-card sla-wall__critical${rows.length > 0 ? ' sla-wall__critical--some' : ''}`}
      aria-labelledby="wall-critical"
      data-testid="wall-critical"
    >
      <h2 id="wall-critical">
        <span aria-hidden="true">⚠ </span>
        {t('wall.critical', { count: rows.length })}
      </h2>
      {rows.length === 0 ? (
        <p className="sla-empty">{t('board.none')}</p>
      ) : (
        <ul className="sla-wall__critical-list">
          {shown.map((r) => (
            <li key={r.caseId} data-testid="wall-critical-row" data-status={r.slaStatus}>
              <Countdown dueAt={r.dueAt} status={r.slaStatus} />{' '}
              <span className="sla-risk__number">{r.number ?? '—'}</span> {r.title}
              <span className="sla-wall__critical-line"> · {t('line.n', { line: r.line })}</span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > shown.length ? (
        <p className="sla-more">{t('board.more', { count: rows.length - shown.length })}</p>
      ) : null}
    </section>
  );
}

/**
 * Full-screen wall mode (`#/wall`, or `?wall=1`): large type, the live banner, the critical
 * cases waiting, what can still be saved and what is breached, on one 1080p screen. Nothing
 * to click but the way back to the SLA board (also Escape). It reads the local store, so it
 * keeps showing the last figures while the server restarts; 'last synced' says how fresh.
 */
export default function SlaWallView() {
  const { ws, t, nameOf, report, lastSyncedAt } = useBoardContext();
  const locale = useLocale();
  const appT = useT();
  const navigate = useRouteStore((s) => s.navigate);
  const online = useSyncStatus(ws.engine.status, (s) => s.online);
  useEffect(() => {
    document.documentElement.classList.add('is-wall');
    return () => document.documentElement.classList.remove('is-wall');
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) navigate({ name: 'sla' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

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
        <a className="sla-wall__exit" href="#/sla" aria-keyshortcuts="Escape">
          <span aria-hidden="true">✕ </span>
          {t('wall.exit')}
        </a>
      </header>
      <div className="sla-wall__banner">
        <LiveBanner />
      </div>
      {report === null ? (
        <p role="status">{t('board.loading')}</p>
      ) : (
        <>
          <KpiTiles report={report} t={t} />
          <div className="sla-wall__grid">
            <div className="sla-wall__main">
              <CriticalWaiting figure={report.criticalWaiting} t={t} />
              <SlaRiskSection
                report={report}
                t={t}
                nameOf={nameOf}
                limits={{ atRisk: wallLimits.atRisk, breached: wallLimits.breached }}
                wall
              />
            </div>
            <div className="sla-wall__side">
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
              <section className="sla-card" aria-labelledby="wall-open">
                <h2 id="wall-open">{t('figure.openCases')}</h2>
                <OpenCasesChart figure={report.openCases} t={t} height={190} fontSize={17} />
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
                  height={200}
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
