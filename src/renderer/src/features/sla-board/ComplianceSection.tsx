import { type Priority, priorities, type SupportLine, supportLines } from '@core/case/index';
import { complianceRowsOf, type ReportPeriod, type SlaBoardReport } from '@core/reports/index';
import { useState } from 'react';
import { FigureSection } from './FigureSection';
import { FigureTable } from './FigureTable';
import { PeriodPicker } from './PeriodPicker';
import { ComplianceChart, complianceText } from './SlaCharts';
import type { SlaTranslate } from './sla-board-messages';

/** SLA compliance of both clocks for a chosen period, per priority or per line. */
export function ComplianceSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const [period, setPeriod] = useState<ReportPeriod>('days7');
  const [by, setBy] = useState<'priority' | 'line'>('priority');
  const c = report.compliance.byPeriod[period];
  const keys: ReadonlyArray<Priority | SupportLine> = by === 'priority' ? priorities : supportLines;
  return (
    <FigureSection
      figure="compliance"
      title={t('figure.compliance')}
      rows={complianceRowsOf(report.compliance, period)}
      now={report.now}
      suffix={period}
      t={t}
    >
      <div className="sla-card__controls">
        <PeriodPicker
          value={period}
          onChange={setPeriod}
          t={t}
          label={`${t('figure.compliance')} — ${t('period.label')}`}
        />
        <fieldset className="sla-periods">
          <legend className="visually-hidden">{t('figure.compliance')}</legend>
          {(['priority', 'line'] as const).map((b) => (
            <label key={b} className={b === by ? 'is-active' : ''}>
              <input
                type="radio"
                name="compliance-by"
                checked={b === by}
                onChange={() => setBy(b)}
              />
              {b === 'priority' ? t('compliance.byPriority') : t('compliance.byLine')}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="sla-totals" data-testid="compliance-totals">
        <span>
          {t('clock.response')}:{' '}
          <strong data-testid="compliance-response">{complianceText(c.response.all, t)}</strong>
        </span>
        <span>
          {t('clock.resolution')}:{' '}
          <strong data-testid="compliance-resolution">{complianceText(c.resolution.all, t)}</strong>
        </span>
      </p>
      <ComplianceChart response={c.response} resolution={c.resolution} by={by} t={t} />
      <FigureTable
        className="sla-table sla-table--compact visually-hidden"
        caption={
          <>
            {t('figure.compliance')}, {t(`period.${period}`)}
          </>
        }
        columns={[
          by === 'priority' ? t('col.priority') : t('col.line'),
          t('clock.response'),
          t('clock.resolution'),
        ]}
      >
        {keys.map((k) => {
          const cellOf = (clock: typeof c.response) =>
            by === 'priority' ? clock.byPriority[k as Priority] : clock.byLine[k as SupportLine];
          return (
            <tr key={k}>
              <th scope="row">
                {by === 'priority' ? t(`priority.${k as Priority}`) : t('line.n', { line: k })}
              </th>
              <td>{complianceText(cellOf(c.response), t)}</td>
              <td>{complianceText(cellOf(c.resolution), t)}</td>
            </tr>
          );
        })}
      </FigureTable>
      <p className="sla-note">{t('compliance.explain')}</p>
    </FigureSection>
  );
}
