import type { CaseStatus } from '../case/case-vocabulary';
import type { Locale } from '../config/localized-text';

/**
 * Status names as they read inside a sentence (glossary), lower case: refusals ("frå løyst til
 * ny") and mails ("Status: ventar") use the same words.
 */
export const statusInSentence: Readonly<Record<Locale, Readonly<Record<CaseStatus, string>>>> = {
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
