import { refusalText } from '@core/rules/index';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TimelineEntry } from '../../db/case-repository';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';
import { deviceOrigin } from './device-origin';
import { changeNote, describeChange, personWithRequester, type RequesterRef } from './history-text';
import { entryFacts } from './timeline-facts';

/** The audit trail: who did what, when, from where; local edits marked as waiting. */
export function HistoryPanel({
  timeline,
  requester,
}: {
  timeline: TimelineEntry[];
  requester: RequesterRef;
}) {
  const t = useT();
  const locale = useLocale();
  const person = personWithRequester(usePersonName(), requester, t);
  const { db, deviceId: ownDeviceId } = useWorkstation();
  // The person, and where it came from when that means something to a reader (not an id).
  const withOrigin = (actorId: string, deviceId: string | null) => {
    const origin = deviceOrigin(deviceId, ownDeviceId);
    return origin
      ? t('history.by', { actor: person(actorId) ?? '', device: t(origin) })
      : person(actorId);
  };
  const facts = timeline.map(entryFacts);
  const otherIds = facts.flatMap((e) =>
    e.change.type === 'linked'
      ? [e.change.otherCaseId]
      : e.change.type === 'merged'
        ? [e.change.intoCaseId]
        : [],
  );
  const numbers = useLiveQuery(async () => {
    const found = await db.cases.bulkGet(otherIds);
    return new Map(
      found.filter((c) => c).map((c) => [c!.id, c!.number ?? c!.provisionalNumber ?? c!.id]),
    );
  }, [db, otherIds.join(',')]);
  const lookups = { person, caseNumber: (id: string) => numbers?.get(id) ?? id.slice(0, 8) };
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {facts.length === 0 ? <p>{t('history.none')}</p> : null}
      <ol className="feed" data-testid="history">
        {facts.map((e) => (
          <li key={e.key}>
            <div>{describeChange(e.change, t, locale, lookups)}</div>
            {e.change.type === 'escalated' && e.change.tried ? (
              <div>{t('history.tried', { tried: e.change.tried })}</div>
            ) : null}
            {changeNote(e.change) ? (
              <div>{t('history.note', { note: changeNote(e.change) ?? '' })}</div>
            ) : null}
            <div className="feed__when">
              {formatDateTime(e.at, locale)} · {withOrigin(e.actorId, e.deviceId)}
              {e.claimedAt
                ? ` · ⚠ ${t('history.clockSkew', { time: formatDateTime(e.claimedAt, locale) })}`
                : ''}
              {e.pending ? ` · ⟳ ${t('history.pending')}` : ''}
              {e.rejectionReason
                ? ` · ✖ ${refusalText(e.rejectionRule, e.rejectionParams, e.rejectionReason, locale)}`
                : ''}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
