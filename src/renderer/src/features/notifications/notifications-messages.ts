/**
 * The Notifications screen's texts ("Varsel") in Nynorsk (default), Bokmål and English. The
 * Nynorsk object defines the keys; the others must have the same keys and placeholders
 * (notifications-messages.test.ts). Words follow the glossary.
 */
import type { Locale } from '@core/config/localized-text';
import { fillTemplate } from '@core/i18n/message-template';
import type { NotificationKind } from '@core/notifications/notification-kinds';
import { useMemo } from 'react';
import { useLanguageStore } from '../../i18n/language-store';

export const notificationsNn = {
  'nav.notifications': 'Varsel',
  title: 'Varsel',
  'mine.title': 'Varsla mine',
  'mine.none': 'Ingen varsel.',
  'mine.open': 'Opne sak {number}',
  'prefs.title': 'Kva eg vil ha varsel om',
  'prefs.intro': 'Vel for kvar type varsel om du vil ha det på e-post og i appen.',
  'prefs.noMail': 'Tenesta sender ikkje e-post no (ingen e-postoppsett).',
  'prefs.address': 'E-post går til {email}.',
  'prefs.noAddress': 'Kontoen din har inga e-postadresse, så du får ikkje e-post.',
  'prefs.kind': 'Varsel',
  'prefs.email': 'E-post',
  'prefs.inApp': 'I appen',
  'prefs.essential': '(naudsynt, kan ikkje slåast av)',
  'prefs.unsubscribedAll': 'Berre naudsynte e-postar',
  'prefs.save': 'Lagre val',
  'prefs.saved': 'Vala er lagra.',
  'held.title': 'Halden e-post',
  'held.intro':
    'Svar frå nokon som ikkje er innmeldar eller tilsett på saka. Legg dei til saka som internt notat, eller forkast dei.',
  'held.none': 'Ingen halden e-post.',
  'held.from': 'Frå {from}',
  'held.post': 'Legg til saka som internt notat',
  'held.discard': 'Forkast',
  'failed.title': 'Kunne ikkje leverast',
  'failed.none': 'Alt er levert.',
  'failed.to': 'Til',
  'failed.kind': 'Varsel',
  'failed.error': 'Feil',
  'failed.attempts': 'Forsøk',
  'failed.retry': 'Prøv igjen',
  'failed.queued': 'Lagt i kø att.',
  'caught.title': 'Sendt e-post (demo)',
  'caught.intro':
    'Demo-tenaren sender all e-post til ein lokal e-postfangar på {address}. Her er det som er sendt.',
  'caught.none': 'Ingen e-post sendt enno.',
  'caught.to': 'Til {to}',
  'common.loading': 'Hentar …',
  'common.failed': 'Fekk ikkje svar frå tenaren.',
  'kind.caseReceived': 'Kvittering: saka er registrert',
  'kind.agentReplied': 'Svar frå brukarstøtta',
  'kind.waitingForYou': 'Vi ventar på svar frå deg',
  'kind.resolved': 'Saka er løyst',
  'kind.closed': 'Saka er lukka',
  'kind.assignedToYou': 'Sak tildelt meg',
  'kind.escalatedToYou': 'Sak eskalert til linja eller kommunen min',
  'kind.requesterReplied': 'Innmeldar har svart',
  'kind.mentioned': 'Eg er nemnd i ein kommentar',
} as const;

export type NotificationsMessageKey = keyof typeof notificationsNn;
type NotificationsMessages = Record<NotificationsMessageKey, string>;

export const notificationsNb: NotificationsMessages = {
  'nav.notifications': 'Varsler',
  title: 'Varsler',
  'mine.title': 'Mine varsler',
  'mine.none': 'Ingen varsler.',
  'mine.open': 'Åpne sak {number}',
  'prefs.title': 'Hva jeg vil ha varsel om',
  'prefs.intro': 'Velg for hver type varsel om du vil ha det på e-post og i appen.',
  'prefs.noMail': 'Tjenesten sender ikke e-post nå (ingen e-postoppsett).',
  'prefs.address': 'E-post går til {email}.',
  'prefs.noAddress': 'Kontoen din har ingen e-postadresse, så du får ikke e-post.',
  'prefs.kind': 'Varsel',
  'prefs.email': 'E-post',
  'prefs.inApp': 'I appen',
  'prefs.essential': '(nødvendig, kan ikke slås av)',
  'prefs.unsubscribedAll': 'Bare nødvendige e-poster',
  'prefs.save': 'Lagre valg',
  'prefs.saved': 'Valgene er lagret.',
  'held.title': 'Holdt e-post',
  'held.intro':
    'Svar fra noen som ikke er innmelder eller ansatt på saken. Legg dem til saken som internt notat, eller forkast dem.',
  'held.none': 'Ingen holdt e-post.',
  'held.from': 'Fra {from}',
  'held.post': 'Legg til saken som internt notat',
  'held.discard': 'Forkast',
  'failed.title': 'Kunne ikke leveres',
  'failed.none': 'Alt er levert.',
  'failed.to': 'Til',
  'failed.kind': 'Varsel',
  'failed.error': 'Feil',
  'failed.attempts': 'Forsøk',
  'failed.retry': 'Prøv igjen',
  'failed.queued': 'Lagt i kø igjen.',
  'caught.title': 'Sendt e-post (demo)',
  'caught.intro':
    'Demo-tjeneren sender all e-post til en lokal e-postfanger på {address}. Her er det som er sendt.',
  'caught.none': 'Ingen e-post sendt ennå.',
  'caught.to': 'Til {to}',
  'common.loading': 'Henter …',
  'common.failed': 'Fikk ikke svar fra tjeneren.',
  'kind.caseReceived': 'Kvittering: saken er registrert',
  'kind.agentReplied': 'Svar fra brukerstøtten',
  'kind.waitingForYou': 'Vi venter på svar fra deg',
  'kind.resolved': 'Saken er løst',
  'kind.closed': 'Saken er lukket',
  'kind.assignedToYou': 'Sak tildelt meg',
  'kind.escalatedToYou': 'Sak eskalert til linjen eller kommunen min',
  'kind.requesterReplied': 'Innmelder har svart',
  'kind.mentioned': 'Jeg er nevnt i en kommentar',
};

export const notificationsEn: NotificationsMessages = {
  'nav.notifications': 'Notifications',
  title: 'Notifications',
  'mine.title': 'My notifications',
  'mine.none': 'No notifications.',
  'mine.open': 'Open case {number}',
  'prefs.title': 'What I want to be notified of',
  'prefs.intro':
    'Choose for each kind of notification whether you want it by e-mail and in the app.',
  'prefs.noMail': 'The service sends no e-mail now (no mail settings).',
  'prefs.address': 'E-mail goes to {email}.',
  'prefs.noAddress': 'Your account has no e-mail address, so you get no e-mail.',
  'prefs.kind': 'Notification',
  'prefs.email': 'E-mail',
  'prefs.inApp': 'In the app',
  'prefs.essential': '(essential, cannot be turned off)',
  'prefs.unsubscribedAll': 'Only essential e-mails',
  'prefs.save': 'Save choices',
  'prefs.saved': 'The choices are saved.',
  'held.title': 'Held e-mail',
  'held.intro':
    'Replies from someone who is neither the requester nor staff on the case. Add them to the case as an internal note, or discard them.',
  'held.none': 'No held e-mail.',
  'held.from': 'From {from}',
  'held.post': 'Add to the case as an internal note',
  'held.discard': 'Discard',
  'failed.title': 'Could not deliver',
  'failed.none': 'Everything is delivered.',
  'failed.to': 'To',
  'failed.kind': 'Notification',
  'failed.error': 'Error',
  'failed.attempts': 'Attempts',
  'failed.retry': 'Try again',
  'failed.queued': 'Queued again.',
  'caught.title': 'Sent e-mail (demo)',
  'caught.intro':
    'The demo server sends all e-mail to a local mail catcher at {address}. Here is what was sent.',
  'caught.none': 'No e-mail sent yet.',
  'caught.to': 'To {to}',
  'common.loading': 'Loading …',
  'common.failed': 'No answer from the server.',
  'kind.caseReceived': 'Receipt: the case is registered',
  'kind.agentReplied': 'Reply from user support',
  'kind.waitingForYou': 'We are waiting for your answer',
  'kind.resolved': 'The case is resolved',
  'kind.closed': 'The case is closed',
  'kind.assignedToYou': 'Case assigned to me',
  'kind.escalatedToYou': 'Case escalated to my line or municipality',
  'kind.requesterReplied': 'The requester replied',
  'kind.mentioned': 'I am mentioned in a comment',
};

export const notificationsCatalogues: Readonly<Record<Locale, NotificationsMessages>> = {
  nn: notificationsNn,
  nb: notificationsNb,
  en: notificationsEn,
};

export type NotificationsTranslate = (
  key: NotificationsMessageKey,
  params?: Record<string, string | number>,
) => string;

export function notificationsTranslator(locale: Locale): NotificationsTranslate {
  const catalogue = notificationsCatalogues[locale];
  return (key, params) => fillTemplate(catalogue[key] ?? notificationsNn[key], params);
}

export function useNotificationsT(): NotificationsTranslate {
  const locale = useLanguageStore((s) => s.locale);
  return useMemo(() => notificationsTranslator(locale), [locale]);
}

export const kindKey = (kind: NotificationKind): NotificationsMessageKey => `kind.${kind}`;
