import { useState } from 'react';
import { formatDateTime, formatTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { AgentLoadSection } from './AgentLoadSection';
import { ChartPatterns } from './ChartPatterns';
import { ComplianceSection } from './ComplianceSection';
import { KpiTiles } from './KpiTiles';
import { OnCallSection } from './OnCallSection';
import { OpenCasesSection } from './OpenCasesSection';
import { SlaRiskSection } from './SlaRiskSection';
import { SlaSettingsForm } from './SlaSettingsForm';
import { WaitingSection } from './WaitingSection';
import { WorklogSection } from './WorklogSection';
import './sla-board.css';
import { useBoardContext } from './use-board-context';
import { useScrollsSideways } from './use-scroll-focus';

/**
 * The team leader's SLA board in the workstation: headline numbers, every figure with its
 * chart, its table and a CSV of the rows behind it, and (for team leaders) the SLA targets.
 */
export default function SlaBoardView() {
  const { ws, t, nameOf, access, settings, report, lastSyncedAt } = useBoardContext();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const mayEdit = ws.actor.role === 'teamLeader' || ws.actor.role === 'admin';
  const [settingsRef, settingsScroll] = useScrollsSideways<HTMLElement>();

  return (
    <div className="sla-board" data-testid="sla-board">
      <ChartPatterns />
      <div className="sla-board__head">
        <h1>{t('board.title')}</h1>
        <p className="sla-board__meta" role="status">
          {report ? (
            <span>{t('board.updated', { time: formatTime(report.now, locale) })}</span>
          ) : null}
          <span data-testid="last-synced">
            {lastSyncedAt
              ? t('board.lastSynced', { time: formatDateTime(lastSyncedAt, locale) })
              : t('board.neverSynced')}
          </span>
        </p>
        <div className="sla-board__actions">
          <a className="button-link" href="#/wall">
            <span aria-hidden="true">▣ </span>
            {t('board.openWall')}
          </a>
          {mayEdit ? (
            <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
              {editing ? t('settings.close') : t('settings.open')}
            </button>
          ) : null}
        </div>
      </div>
      {editing && mayEdit ? (
        <section
          ref={settingsRef}
          className="sla-card sla-card--wide"
          aria-labelledby="sla-settings-title"
          // On a narrow screen the targets table scrolls sideways: reachable from the keyboard.
          tabIndex={settingsScroll ? 0 : undefined}
        >
          <h2 id="sla-settings-title">{t('settings.title')}</h2>
          <SlaSettingsForm
            settings={settings.settings}
            access={access}
            onSaved={settings.setSettings}
          />
        </section>
      ) : null}
      {report === null ? (
        <p role="status">{t('board.loading')}</p>
      ) : (
        <>
          <KpiTiles report={report} t={t} />
          <div className="sla-grid">
            <SlaRiskSection
              report={report}
              t={t}
              nameOf={nameOf}
              limits={{ atRisk: 50, breached: 50 }}
            />
            <OpenCasesSection report={report} t={t} />
            <ComplianceSection report={report} t={t} />
            <OnCallSection report={report} t={t} nameOf={nameOf} />
            <WaitingSection report={report} t={t} nameOf={nameOf} limit={20} />
            <AgentLoadSection report={report} t={t} nameOf={nameOf} />
            <WorklogSection report={report} t={t} />
          </div>
        </>
      )}
    </div>
  );
}
