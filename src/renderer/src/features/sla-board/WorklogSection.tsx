import { supportLines } from '@core/case/index';
import { type ReportPeriod, type SlaBoardReport, worklogRowsOf } from '@core/reports/index';
import { useState } from 'react';
import { formatMinutes } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { FigureSection } from './FigureSection';
import { FigureTable } from './FigureTable';
import { PeriodPicker } from './PeriodPicker';
import { WorklogChart } from './SlaCharts';
import type { SlaTranslate } from './sla-board-messages';

/** Time logged per line in a chosen period. */
export function WorklogSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const appT = useT();
  const [period, setPeriod] = useState<ReportPeriod>('days7');
  const minutes = report.worklog.byPeriod[period];
  return (
    <FigureSection
      figure="worklog"
      title={t('figure.worklog')}
      rows={worklogRowsOf(report.worklog, period)}
      now={report.now}
      suffix={period}
      t={t}
    >
      <PeriodPicker
        value={period}
        onChange={setPeriod}
        t={t}
        label={`${t('figure.worklog')} — ${t('period.label')}`}
      />
      <WorklogChart minutes={minutes} t={t} />
      <FigureTable
        className="sla-table visually-hidden"
        caption={
          <>
            {t('figure.worklog')}, {t(`period.${period}`)}
          </>
        }
      >
        {supportLines.map((line) => (
          <tr key={line}>
            <th scope="row">{t('line.n', { line })}</th>
            <td>{formatMinutes(minutes[line], appT)}</td>
          </tr>
        ))}
      </FigureTable>
    </FigureSection>
  );
}
