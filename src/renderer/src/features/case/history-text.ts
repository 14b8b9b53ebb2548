import type { CaseChange } from '@core/case/index';
import type { Locale } from '@core/config/localized-text';
import { priorityLabel } from '@core/priority/index';
import type { Translate } from '../../i18n/translate';

/** How the history names things it refers to: people and other cases. */
export interface HistoryLookups {
  person: (id: string | null) => string | null;
  caseNumber: (id: string) => string;
}

/** The case's requester, as far as naming them goes. */
export interface RequesterRef {
  name: string;
  /** Their portal account, the actor id of what they did in the portal. */
  userId: string | null;
}

/**
 * A person lookup that names the case's requester as the requester ("Ola Nordmann
 * (innmeldar)"): their portal account is not in the staff directory, and `person` alone would
 * take them for an unknown colleague. Everyone else goes through `person`.
 */
export function personWithRequester(
  person: (id: string | null) => string | null,
  requester: RequesterRef,
  t: Translate,
): (id: string | null) => string | null {
  return (id) =>
    id !== null && requester.userId !== null && id === requester.userId
      ? t('history.requesterActor', { name: requester.name })
      : person(id);
}

/** One history line for a change, in the user's language. */
export function describeChange(
  change: CaseChange,
  t: Translate,
  locale: Locale,
  lookups: HistoryLookups,
): string {
  switch (change.type) {
    case 'created':
      return t('history.created');
    case 'fieldsChanged':
      return t('history.fieldsChanged', {
        fields: Object.keys(change.changes)
          .map((f) => t(`field.${f}` as Parameters<Translate>[0]))
          .join(', '),
      });
    case 'prioritySet':
      return t('history.prioritySet', { priority: priorityLabel(change.priority, locale) });
    case 'statusChanged':
      return t('history.statusChanged', {
        status: change.waitingReason
          ? t(`waiting.${change.waitingReason}`)
          : t(`status.${change.status}`),
      });
    case 'assigned':
      return change.assigneeId
        ? t('history.assigned', { assignee: lookups.person(change.assigneeId) ?? '' })
        : t('history.unassigned');
    case 'escalated':
      return t('history.escalated', { line: change.toLine, reason: change.reason });
    case 'commented':
      return t('history.commented', { visibility: t(`comments.${change.visibility}`) });
    case 'worklogAdded':
      return t('history.worklogAdded', { minutes: change.minutes, line: change.line });
    case 'linked':
      return t('history.linked', { other: lookups.caseNumber(change.otherCaseId) });
    case 'merged':
      return t('history.merged', { other: lookups.caseNumber(change.intoCaseId) });
    case 'acknowledged':
      return t('history.acknowledged');
    case 'attachmentAdded':
      return t('history.attachmentAdded', { fileName: change.fileName });
    case 'majorIncidentSet':
      return t(change.major ? 'history.majorIncidentSet' : 'history.majorIncidentCleared');
    case 'affectedSet':
      return change.majorIncidentId
        ? t('history.affectedSet', { other: lookups.caseNumber(change.majorIncidentId) })
        : t('history.affectedCleared');
    case 'followersChanged':
      return t(change.following ? 'history.followed' : 'history.unfollowed', {
        person: lookups.person(change.userId) ?? '',
      });
  }
}

/** Minutes logged per line, from the worklog entries of a history. */
export function worklogTotals(
  changes: readonly CaseChange[],
): Array<{ line: number; minutes: number }> {
  const totals = new Map<number, number>();
  for (const c of changes) {
    if (c.type === 'worklogAdded') totals.set(c.line, (totals.get(c.line) ?? 0) + c.minutes);
  }
  return [...totals.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, minutes]) => ({ line, minutes }));
}

/**
 * The note a change carries for the history: what was done when a case was resolved, why a
 * status or priority was changed. Empty notes are left out.
 */
export function changeNote(change: CaseChange): string | null {
  if (change.type !== 'statusChanged' && change.type !== 'prioritySet') return null;
  const note = change.note.trim();
  return note.length > 0 ? note : null;
}
