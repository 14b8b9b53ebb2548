import { priorities, supportLines } from '@core/case/index';
import type { SlaBoardReport } from '@core/reports/index';
import { FigureSection } from './FigureSection';
import { FigureTable } from './FigureTable';
import { OpenCasesChart } from './SlaCharts';
import type { SlaTranslate } from './sla-board-messages';

/** Open cases per line and priority: a stacked chart and the counts as a table. */
export function OpenCasesSection({ report, t }: { report: SlaBoardReport; t: SlaTranslate }) {
  const f = report.openCases;
  return (
    <FigureSection
      figure="openCases"
      title={t('figure.openCases')}
      rows={f.rows}
      now={report.now}
      t={t}
    >
      <OpenCasesChart figure={f} t={t} />
      <FigureTable
        className="sla-table sla-table--compact"
        testId="open-cases-table"
        caption={t('figure.openCases')}
        hideCaption
        columns={[t('line.label'), ...priorities.map((p) => t(`priority.${p}`)), t('col.total')]}
      >
        {supportLines.map((line) => (
          <tr key={line}>
            <th scope="row">{t('line.n', { line })}</th>
            {priorities.map((p) => (
              <td key={p} data-cell={`${line}-${p}`}>
                {f.cells[line][p]}
              </td>
            ))}
            <td data-cell={`${line}-total`}>
              <strong>{f.byLine[line]}</strong>
            </td>
          </tr>
        ))}
      </FigureTable>
    </FigureSection>
  );
}
