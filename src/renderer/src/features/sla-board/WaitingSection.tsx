import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { FigureSection, type SectionProps } from './FigureSection';
import { CaseCell, FigureTable } from './FigureTable';

/** Cases waiting on someone else: counts per reason, and the cases (up to `limit`). */
export function WaitingSection(props: SectionProps & { limit: number }) {
  const { report, t, nameOf } = props;
  const locale = useLocale();
  const w = report.waiting;
  return (
    <FigureSection
      figure="waiting"
      title={t('figure.waiting')}
      rows={w.rows}
      now={report.now}
      t={t}
    >
      <ul className="sla-reasons" data-testid="waiting-reasons">
        <li data-reason="requester">
          {t('waiting.requester')}: <strong>{w.requester}</strong>
        </li>
        <li data-reason="thirdParty">
          {t('waiting.thirdParty')}: <strong>{w.thirdParty}</strong>
        </li>
        {w.unknown > 0 ? (
          <li>
            {t('waiting.unknown')}: <strong>{w.unknown}</strong>
          </li>
        ) : null}
      </ul>
      {w.rows.length > 0 ? (
        <FigureTable
          className="sla-table sla-table--compact"
          caption={t('figure.waiting')}
          hideCaption
          columns={[t('col.case'), t('col.reason'), t('col.since'), t('col.assignee')]}
        >
          {w.rows.slice(0, props.limit).map((r) => (
            <tr key={r.caseId}>
              <CaseCell number={r.number} title={r.title} />
              <td>{r.reason ? t(`waiting.${r.reason}`) : t('waiting.unknown')}</td>
              <td>{r.since ? formatDateTime(r.since, locale) : '—'}</td>
              <td>{nameOf(r.assigneeId)}</td>
            </tr>
          ))}
        </FigureTable>
      ) : null}
    </FigureSection>
  );
}
