import { formatDateTime, formatMinutes, formatTimeWithDay } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { FigureSection, type SectionProps } from './FigureSection';
import { CaseCell, FigureTable } from './FigureTable';

/** The last on-call period: critical cases raised in it and how fast each was answered. */
export function OnCallSection(props: SectionProps) {
  const { report, t, nameOf } = props;
  const appT = useT();
  const locale = useLocale();
  const o = report.onCall;
  const p = o.period;
  return (
    <FigureSection figure="onCall" title={t('figure.onCall')} rows={o.rows} now={report.now} t={t}>
      <p className="sla-oncall__period">
        {p === null
          ? t('onCall.none')
          : p.ongoing
            ? t('onCall.ongoing', { from: formatDateTime(p.start, locale) })
            : t('onCall.period', {
                from: formatDateTime(p.start, locale),
                to: formatDateTime(p.end, locale),
              })}
      </p>
      <p className="sla-oncall__summary" data-testid="oncall-summary">
        {t('onCall.summary', {
          total: o.total,
          answered: o.answered,
          within: o.withinTarget,
          median: o.medianAnswerMinutes === null ? '—' : formatMinutes(o.medianAnswerMinutes, appT),
        })}
      </p>
      {o.rows.length > 0 ? (
        <FigureTable
          className="sla-table sla-table--compact"
          caption={t('figure.onCall')}
          hideCaption
          columns={[
            t('col.case'),
            t('col.criticalAt'),
            t('col.answerTime'),
            t('col.status'),
            t('col.assignee'),
          ]}
        >
          {o.rows.map((r) => (
            <tr key={r.caseId}>
              <CaseCell number={r.number} title={r.title} />
              <td>{formatTimeWithDay(r.criticalAt, report.now, locale)}</td>
              <td>
                {r.answerMinutes === null
                  ? t('onCall.unanswered')
                  : formatMinutes(r.answerMinutes, appT)}
              </td>
              <td>
                {r.responseStatus ? (
                  <span className={`sla-state sla-state--${r.responseStatus}`}>
                    {t(`status.${r.responseStatus}`)}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td>{nameOf(r.assigneeId)}</td>
            </tr>
          ))}
        </FigureTable>
      ) : null}
    </FigureSection>
  );
}
