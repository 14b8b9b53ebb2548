import { priorityName } from '@core/priority/index';
import { useCase, useCaseConflicts, useCaseTimeline } from '../../db/use-local-data';
import { useLocale, useT } from '../../i18n/use-t';
import { useNowMinute } from '../../stores/clock-store';
import { routeHash } from '../../stores/route-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { displayNumber } from '../board/CaseCard';
import { slaOfRecord } from '../board/case-sla';
import { SlaBadge } from '../board/SlaBadge';
import { CasePagingLog } from '../oncall/CasePagingLog';
import { MajorIncidentPanel } from '../search/MajorIncidentPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CaseActions } from './CaseActions';
import { CaseDetails } from './CaseDetails';
import { CaseFacts } from './CaseFacts';
import { CommentsPanel } from './CommentsPanel';
import { ConflictList } from './ConflictList';
import { HistoryPanel } from './HistoryPanel';
import { LinkPanel } from './LinkPanel';
import { WorklogPanel } from './WorklogPanel';

/** Everything about one case, and everything an agent does to it. */
export default function CaseView({ caseId }: { caseId: string }) {
  const t = useT();
  const locale = useLocale();
  const { repo } = useWorkstation();
  const record = useCase(repo, caseId);
  const timeline = useCaseTimeline(repo, caseId) ?? [];
  const conflicts = useCaseConflicts(repo, caseId) ?? [];
  const minute = useNowMinute();
  const calendar = useServiceConfigStore((s) => s.calendar);
  const slaConfig = useServiceConfigStore((s) => s.config.sla);

  if (record === undefined) return <p role="status">{t('app.loading')}</p>;
  if (record === null) {
    return (
      <div className="panel">
        <p>{t('case.notFound')}</p>
        <a href={routeHash({ name: 'board' })}>{t('case.back')}</a>
      </div>
    );
  }
  const number = displayNumber(record);
  return (
    <article className="case" data-testid="case-view">
      <p>
        <a href={routeHash({ name: 'board' })}>← {t('case.back')}</a>
      </p>
      <header className="case-header">
        <h1>
          <span className={record.number ? '' : 'card__number--provisional'}>{number}</span>{' '}
          {record.title}
        </h1>
        <span className="tag">{t(`status.${record.status}`)}</span>
        <span className={`priority priority--${record.priority}`}>
          {priorityName(record.priority, locale)}
        </span>
        <SlaBadge sla={slaOfRecord(record, calendar, slaConfig, minute)} />
        {record.pendingCount > 0 ? (
          <span className="card__unsynced" data-testid="unsynced">
            ⟳ {t('card.unsynced')}
          </span>
        ) : null}
      </header>
      <ConflictList conflicts={conflicts} />
      <div className="case-view">
        <div>
          <CaseDetails record={record} />
          <CommentsPanel
            caseId={caseId}
            timeline={timeline}
            requester={record.requester}
            record={record}
          />
          <AttachmentsPanel caseId={caseId} timeline={timeline} />
          <WorklogPanel record={record} timeline={timeline} />
          <HistoryPanel timeline={timeline} requester={record.requester} />
          <CasePagingLog caseId={caseId} version={record.version} />
        </div>
        <div>
          <CaseFacts record={record} />
          <CaseActions record={record} />
          <LinkPanel record={record} />
          <MajorIncidentPanel record={record} />
        </div>
      </div>
    </article>
  );
}
