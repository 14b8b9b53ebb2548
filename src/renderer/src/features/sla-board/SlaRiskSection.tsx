import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { Countdown } from './Countdown';
import { FigureSection, type SectionProps } from './FigureSection';
import { CaseCell, FigureTable } from './FigureTable';

/** Cases at risk of (or past) their SLA deadline, the most urgent first, up to `limit`. */
export function SlaRiskSection(props: SectionProps & { limit: number }) {
  const { report, t, nameOf } = props;
  const locale = useLocale();
  const f = report.slaRisk;
  const shown = f.rows.slice(0, props.limit);
  return (
    <FigureSection
      figure="slaRisk"
      title={t('figure.slaRisk')}
      className="sla-card--wide"
      rows={f.rows}
      now={report.now}
      hidden={f.rows.length - shown.length}
      t={t}
    >
      {f.rows.length === 0 ? (
        <p className="sla-empty">{t('board.none')}</p>
      ) : (
        <FigureTable
          className="sla-table sla-risk"
          testId="risk-table"
          caption={t('figure.slaRisk')}
          hideCaption
          columns={[
            t('col.timeLeft'),
            t('col.case'),
            t('col.priority'),
            t('col.clock'),
            t('col.due'),
            t('col.line'),
            t('col.assignee'),
          ]}
        >
          {shown.map((r) => (
            <tr
              key={r.caseId}
              className={`sla-risk__row sla-risk__row--${r.slaStatus}`}
              data-testid="risk-row"
              data-status={r.slaStatus}
            >
              <td>
                <Countdown dueAt={r.dueAt} status={r.slaStatus} />
                <span className="sla-risk__state">{t(`status.${r.slaStatus}`)}</span>
              </td>
              <CaseCell number={r.number} title={r.title} />
              <td>
                <span className={`prio prio--${r.priority}`}>{t(`priority.${r.priority}`)}</span>
              </td>
              <td>{t(`clock.${r.clock}`)}</td>
              <td>{formatDateTime(r.dueAt, locale)}</td>
              <td>{t('line.n', { line: r.line })}</td>
              <td>{nameOf(r.assigneeId)}</td>
            </tr>
          ))}
        </FigureTable>
      )}
    </FigureSection>
  );
}
