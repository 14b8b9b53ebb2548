import type { SlaBoardReport } from '@core/reports/index';
import type { SlaTranslate } from './sla-board-messages';

/** The headline numbers, large, with words (never colour alone). */
export function KpiTiles({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const today = report.compliance.byPeriod.today.response.all;
  const tiles = [
    {
      id: 'open',
      label: t('kpi.open'),
      value: String(report.openCases.total),
      tone: 'neutral',
      icon: '▤',
    },
    {
      id: 'atRisk',
      label: t('kpi.atRisk'),
      value: String(report.slaRisk.atRisk),
      tone: 'risk',
      icon: '⚠',
    },
    {
      id: 'breached',
      label: t('kpi.breached'),
      value: String(report.slaRisk.breached),
      tone: 'breach',
      icon: '✖',
    },
    {
      id: 'waiting',
      label: t('kpi.waiting'),
      value: String(report.waiting.rows.length),
      tone: 'neutral',
      icon: '◐',
    },
    {
      id: 'responseToday',
      label: t('kpi.responseToday'),
      value: today.ratio === null ? '–' : `${Math.round(today.ratio * 100)} %`,
      tone: 'ok',
      icon: '◷',
    },
  ];
  return (
    <ul className="sla-kpis">
      {tiles.map((k) => (
        <li key={k.id} className={`sla-kpi sla-kpi--${k.tone}`} data-testid={`kpi-${k.id}`}>
          <span className="sla-kpi__label">
            <span aria-hidden="true">{k.icon} </span>
            {k.label}
          </span>
          <span className="sla-kpi__value">{k.value}</span>
        </li>
      ))}
    </ul>
  );
}
