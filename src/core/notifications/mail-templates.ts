import type { Locale } from '../config/localized-text';
import type { NotificationKind } from './notification-kinds';

/**
 * The mails Saksbord sends, in Nynorsk, Bokmål and English: a subject, a plain-text body and
 * a simple accessible HTML body (one column, real headings, a language attribute, links with
 * words, no images or tables for layout). Only the case's public history goes in (the caller
 * passes only entries the requester may read: never internal comments or worklog).
 */

/** One entry of the public history, already in the reader's words. */
export interface MailHistoryEntry {
  /** Local time as the reader reads it, e.g. "30.11.2026 14:05". */
  at: string;
  who: string;
  text: string;
}

export interface MailContent {
  kind: NotificationKind;
  language: Locale;
  organisationName: string;
  caseNumber: string;
  title: string;
  /** The reader's name, for the greeting. */
  recipientName: string;
  /** A comment's text, a resolution note, an escalation reason. */
  message?: string | null;
  /** Receipt of a high or critical case: the number to call now (null: nobody to call now). */
  callNumber?: string | null;
  /** When support next opens, as the reader reads it (receipt when nobody can be called). */
  nextOpening?: string | null;
  priorityHigh?: boolean;
  history: readonly MailHistoryEntry[];
  links: {
    /** The case in the portal (requesters) or the app (staff). */
    case: string;
    confirm?: string;
    reopen?: string;
    /** Preferences page; unsubscribe from all but the essential mails. */
    preferences: string;
    unsubscribe: string;
  };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  subject: Record<NotificationKind, string>;
  intro: Record<NotificationKind, string>;
  greeting: string;
  next: string;
  callNow: string;
  callLater: string;
  messageLabel: string;
  historyLabel: string;
  open: string;
  confirm: string;
  reopen: string;
  linksNote: string;
  reply: string;
  preferences: string;
  unsubscribe: string;
  essential: string;
}

const words: Record<Locale, Words> = {
  nn: {
    subject: {
      caseReceived: 'Vi har fått saka di: {title}',
      agentReplied: 'Nytt svar i saka di: {title}',
      waitingForYou: 'Vi ventar på svar frå deg: {title}',
      resolved: 'Saka di er løyst – stadfest eller opna ho att: {title}',
      closed: 'Saka di er lukka: {title}',
      assignedToYou: 'Sak tildelt deg: {title}',
      escalatedToYou: 'Sak eskalert til dykk: {title}',
      requesterReplied: 'Innmeldar har svart: {title}',
      mentioned: 'Du er nemnd i ei sak: {title}',
    },
    intro: {
      caseReceived: 'Vi har registrert saka di. Ho har saksnummer {number}.',
      agentReplied: 'Brukarstøtta har svart i saka di.',
      waitingForYou: 'Vi treng svar frå deg før vi kan halde fram med saka.',
      resolved:
        'Vi meiner saka di er løyst. Stadfest at det stemmer, eller opna saka att om problemet ikkje er borte.',
      closed: 'Saka di er lukka. Takk for at du melde frå.',
      assignedToYou: 'Saka er tildelt deg.',
      escalatedToYou: 'Saka er eskalert til linja eller kommunen din.',
      requesterReplied: 'Innmeldaren har svart i saka.',
      mentioned: 'Nokon har nemnt deg i ein kommentar.',
    },
    greeting: 'Hei {name},',
    next: 'Kva skjer no: 1. linje ser på saka og tek kontakt om vi treng meir.',
    callNow: 'Hastar det? Ring {phone} no.',
    callLater: 'Brukarstøtta er stengd no og opnar {when}.',
    messageLabel: 'Melding',
    historyLabel: 'Historikk',
    open: 'Opne saka',
    confirm: 'Stadfest at saka er løyst',
    reopen: 'Opna saka att',
    linksNote: 'Lenkjene verkar éin gong, utan passord, i ei avgrensa tid.',
    reply: 'Du kan svare på denne e-posten; svaret ditt kjem inn i saka.',
    preferences: 'Vel kva e-post du får',
    unsubscribe: 'Meld av alle e-postar som ikkje er naudsynte',
    essential: 'Denne e-posten er naudsynt for saka og kjem sjølv om du har meldt deg av.',
  },
  nb: {
    subject: {
      caseReceived: 'Vi har mottatt saken din: {title}',
      agentReplied: 'Nytt svar i saken din: {title}',
      waitingForYou: 'Vi venter på svar fra deg: {title}',
      resolved: 'Saken din er løst – bekreft eller gjenåpne den: {title}',
      closed: 'Saken din er lukket: {title}',
      assignedToYou: 'Sak tildelt deg: {title}',
      escalatedToYou: 'Sak eskalert til dere: {title}',
      requesterReplied: 'Innmelder har svart: {title}',
      mentioned: 'Du er nevnt i en sak: {title}',
    },
    intro: {
      caseReceived: 'Vi har registrert saken din. Den har saksnummer {number}.',
      agentReplied: 'Brukerstøtten har svart i saken din.',
      waitingForYou: 'Vi trenger svar fra deg før vi kan fortsette med saken.',
      resolved:
        'Vi mener saken din er løst. Bekreft at det stemmer, eller gjenåpne saken hvis problemet ikke er borte.',
      closed: 'Saken din er lukket. Takk for at du meldte fra.',
      assignedToYou: 'Saken er tildelt deg.',
      escalatedToYou: 'Saken er eskalert til linjen eller kommunen din.',
      requesterReplied: 'Innmelderen har svart i saken.',
      mentioned: 'Noen har nevnt deg i en kommentar.',
    },
    greeting: 'Hei {name},',
    next: 'Hva skjer nå: 1. linje ser på saken og tar kontakt hvis vi trenger mer.',
    callNow: 'Haster det? Ring {phone} nå.',
    callLater: 'Brukerstøtten er stengt nå og åpner {when}.',
    messageLabel: 'Melding',
    historyLabel: 'Historikk',
    open: 'Åpne saken',
    confirm: 'Bekreft at saken er løst',
    reopen: 'Gjenåpne saken',
    linksNote: 'Lenkene virker én gang, uten passord, i en begrenset tid.',
    reply: 'Du kan svare på denne e-posten; svaret ditt kommer inn i saken.',
    preferences: 'Velg hvilke e-poster du får',
    unsubscribe: 'Meld av alle e-poster som ikke er nødvendige',
    essential: 'Denne e-posten er nødvendig for saken og kommer selv om du har meldt deg av.',
  },
  en: {
    subject: {
      caseReceived: 'We have received your case: {title}',
      agentReplied: 'New reply in your case: {title}',
      waitingForYou: 'We are waiting for your answer: {title}',
      resolved: 'Your case is resolved – confirm or reopen it: {title}',
      closed: 'Your case is closed: {title}',
      assignedToYou: 'Case assigned to you: {title}',
      escalatedToYou: 'Case escalated to you: {title}',
      requesterReplied: 'The requester replied: {title}',
      mentioned: 'You were mentioned in a case: {title}',
    },
    intro: {
      caseReceived: 'We have registered your case. Its case number is {number}.',
      agentReplied: 'User support has replied in your case.',
      waitingForYou: 'We need your answer before we can go on with the case.',
      resolved:
        'We believe your case is resolved. Confirm that it is, or reopen the case if the problem is not gone.',
      closed: 'Your case is closed. Thank you for reporting it.',
      assignedToYou: 'The case is assigned to you.',
      escalatedToYou: 'The case is escalated to your line or municipality.',
      requesterReplied: 'The requester has replied in the case.',
      mentioned: 'Someone mentioned you in a comment.',
    },
    greeting: 'Hello {name},',
    next: 'What happens next: line 1 looks at the case and contacts you if we need more.',
    callNow: 'Is it urgent? Call {phone} now.',
    callLater: 'User support is closed now and opens {when}.',
    messageLabel: 'Message',
    historyLabel: 'History',
    open: 'Open the case',
    confirm: 'Confirm the case is resolved',
    reopen: 'Reopen the case',
    linksNote: 'The links work once, without a password, for a limited time.',
    reply: 'You can reply to this e-mail; your answer goes into the case.',
    preferences: 'Choose which e-mails you get',
    unsubscribe: 'Unsubscribe from all e-mails that are not essential',
    essential: 'This e-mail is essential for the case and comes even if you have unsubscribed.',
  },
};

const requesterKinds: readonly NotificationKind[] = [
  'caseReceived',
  'agentReplied',
  'waitingForYou',
  'resolved',
  'closed',
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Case number in the subject, so people (and mail clients' threading) see which case. */
export function renderMail(content: MailContent, essential: boolean): RenderedMail {
  const w = words[content.language];
  const values = { title: content.title, number: content.caseNumber, name: content.recipientName };
  const subject = `[${content.caseNumber}] ${fill(w.subject[content.kind], values)}`;
  const paragraphs: string[] = [fill(w.intro[content.kind], values)];
  if (content.kind === 'caseReceived') {
    paragraphs.push(w.next);
    if (content.priorityHigh) {
      if (content.callNumber) paragraphs.push(fill(w.callNow, { phone: content.callNumber }));
      else if (content.nextOpening)
        paragraphs.push(fill(w.callLater, { when: content.nextOpening }));
    }
  }
  const forRequester = requesterKinds.includes(content.kind);
  const actions: { label: string; href: string }[] = [];
  if (content.kind === 'resolved' && content.links.confirm && content.links.reopen) {
    actions.push({ label: w.confirm, href: content.links.confirm });
    actions.push({ label: w.reopen, href: content.links.reopen });
  }
  actions.push({ label: w.open, href: content.links.case });

  const text: string[] = [
    `${content.caseNumber}: ${content.title}`,
    '',
    fill(w.greeting, values),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ];
  if (content.message) text.push(`${w.messageLabel}:`, content.message, '');
  for (const a of actions) text.push(`${a.label}: ${a.href}`);
  if (content.kind === 'resolved') text.push(w.linksNote);
  text.push('');
  if (content.history.length > 0) {
    text.push(`${w.historyLabel} (${content.caseNumber}):`);
    for (const h of content.history) text.push(`- ${h.at} ${h.who}: ${h.text}`);
    text.push('');
  }
  if (forRequester) text.push(w.reply, '');
  text.push('-- ', content.organisationName);
  if (essential) text.push(w.essential);
  text.push(`${w.preferences}: ${content.links.preferences}`);
  text.push(`${w.unsubscribe}: ${content.links.unsubscribe}`);

  const e = escapeHtml;
  const para = (p: string) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${content.language}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">',
    `<h1 style="font-size: 1.25em;">${e(content.caseNumber)}: ${e(content.title)}</h1>`,
    para(fill(w.greeting, values)),
    ...paragraphs.map(para),
    content.message
      ? `<h2 style="font-size: 1.1em;">${e(w.messageLabel)}</h2><blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 4px solid #555;">${para(content.message)}</blockquote>`
      : '',
    `<ul>${actions.map((a) => `<li><a href="${e(a.href)}" style="color: #0b4fa8;">${e(a.label)}</a></li>`).join('')}</ul>`,
    content.kind === 'resolved' ? para(w.linksNote) : '',
    content.history.length > 0
      ? `<h2 style="font-size: 1.1em;">${e(w.historyLabel)}</h2><ol>${content.history
          .map((h) => `<li><strong>${e(h.at)} ${e(h.who)}</strong>: ${e(h.text)}</li>`)
          .join('')}</ol>`
      : '',
    forRequester ? para(w.reply) : '',
    `<hr><p style="font-size: 0.9em;">${e(content.organisationName)}${essential ? `<br>${e(w.essential)}` : ''}<br>`,
    `<a href="${e(content.links.preferences)}" style="color: #0b4fa8;">${e(w.preferences)}</a> · `,
    `<a href="${e(content.links.unsubscribe)}" style="color: #0b4fa8;">${e(w.unsubscribe)}</a></p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { subject, text: text.join('\n'), html };
}
