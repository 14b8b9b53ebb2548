import type { CaseChange } from '../case/case-change';
import type { CaseStatus } from '../case/case-vocabulary';
import type { Locale } from '../config/localized-text';

/**
 * One history entry as a mail shows it, or null when the entry is not public: mails carry
 * the case's public history only (the creation, comments the requester may read, status
 * changes with their notes), never internal comments, worklog, assignments or edits.
 */
const statusWords: Record<Locale, Record<CaseStatus, string>> = {
  nn: {
    new: 'ny',
    inProgress: 'under arbeid',
    waiting: 'ventar',
    resolved: 'løyst',
    closed: 'lukka',
    reopened: 'gjenopna',
  },
  nb: {
    new: 'ny',
    inProgress: 'under arbeid',
    waiting: 'venter',
    resolved: 'løst',
    closed: 'lukket',
    reopened: 'gjenåpnet',
  },
  en: {
    new: 'new',
    inProgress: 'in progress',
    waiting: 'waiting',
    resolved: 'resolved',
    closed: 'closed',
    reopened: 'reopened',
  },
};
const registered: Record<Locale, string> = {
  nn: 'Saka er registrert',
  nb: 'Saken er registrert',
  en: 'The case was registered',
};
const statusLabel: Record<Locale, string> = { nn: 'Status', nb: 'Status', en: 'Status' };

export function publicHistoryText(change: CaseChange, language: Locale): string | null {
  switch (change.type) {
    case 'created':
      return `${registered[language]}: ${change.title}`;
    case 'commented':
      return change.visibility === 'requester' ? change.body : null;
    case 'statusChanged': {
      const status = `${statusLabel[language]}: ${statusWords[language][change.status]}`;
      return change.note.trim() ? `${status}. ${change.note.trim()}` : status;
    }
    default:
      return null;
  }
}

/** Who an entry is from, as a mail names them: the requester by name, the service as itself. */
export function historyAuthor(
  byRequester: boolean,
  requesterName: string,
  serviceName: string,
): string {
  return byRequester ? requesterName : serviceName;
}
