import { type SlaRiskRow, slaRiskGroups } from '@core/reports/index';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { Countdown } from './Countdown';
import { FigureSection, type SectionProps } from './FigureSection';
import { CaseCell, FigureTable } from './FigureTable';

/** How many rows of each group are shown. */
export interface RiskLimits {
  atRisk: number;
  breached: number;
}

/**
 * Cases at risk of their SLA deadline and those past it, in two groups with their counts:
 * first what can still be saved (at risk, soonest deadline first), then the breached ones
 * (core/sla/sla-urgency.ts), so a few savable cases are never below a long list of breaches.
 */
export function SlaRiskSection(
  props: SectionProps & {
    limits: RiskLimits;
    /** Wall mode: no CSV, and fewer columns (see the wall's CSS). */
    wall?: boolean;
  },
) {
  const { report, t } = props;
  const f = report.slaRisk;
  const groups = slaRiskGroups(f);
  return (
    <FigureSection
      figure="slaRisk"
      title={t('figure.slaRisk')}
      className="sla-card--wide"
      rows={f.rows}
      now={report.now}
      exportable={!props.wall}
      t={t}
    >
      <RiskGroup {...props} status="atRisk" count={f.atRisk} rows={groups.atRisk} />
      <RiskGroup {...props} status="breached" count={f.breached} rows={groups.breached} />
    </FigureSection>
  );
}

function RiskGroup(
  props: SectionProps & {
    status: 'atRisk' | 'breached';
    count: number;
    rows: SlaRiskRow[];
    limits: RiskLimits;
  },
) {
  const { t, nameOf, status, rows } = props;
  const locale = useLocale();
  const shown = rows.slice(0, props.limits[status]);
  const headingId = `risk-${status}-title`;
  const heading = t(`risk.${status}`, { count: props.count });
  return (
    <div
      className={`sla-risk-group sla-risk-group--${status}`}
      data-testid={`risk-group-${status}`}
    >
      <h3 id={headingId} className="sla-risk-group__title">
        <span aria-hidden="true">{status === 'breached' ? '✖ ' : '⚠ '}</span>
        {heading}
      </h3>
      {rows.length === 0 ? (
        <p className="sla-empty">{t('board.none')}</p>
      ) : (
        <FigureTable
          className="sla-table sla-risk"
          testId={`risk-table-${status}`}
          caption={heading}
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
      {rows.length > shown.length ? (
        <p className="sla-more">{t('board.more', { count: rows.length - shown.length })}</p>
      ) : null}
    </div>
  );
}
