import type { CaseChange } from '../case/case-change';
import type { Locale } from '../config/localized-text';
import { statusInSentence } from '../i18n/status-in-sentence';

/**
 * One history entry as a mail shows it, or null when the entry is not public: mails carry
 * the case's public history only (the creation, comments the requester may read, status
 * changes with their notes), never internal comments, worklog, assignments or edits.
 */
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
      const status = `${statusLabel[language]}: ${statusInSentence[language][change.status]}`;
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
