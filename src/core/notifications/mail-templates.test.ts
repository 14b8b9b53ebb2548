import { describe, expect, it } from 'vitest';
import type { Locale } from '../config/localized-text';
import { type MailContent, renderMail } from './mail-templates';
import { notificationKinds } from './notification-kinds';

const content = (over: Partial<MailContent> = {}): MailContent => ({
  kind: 'caseReceived',
  language: 'nn',
  organisationName: 'Romsdal IKT brukarstøtte',
  caseNumber: '2026-00042',
  title: 'Skrivaren <skriv> ikkje',
  recipientName: 'Kari',
  history: [{ at: '30.11.2026 14:05', who: 'Kari', text: 'Saka er registrert: Skrivaren' }],
  links: {
    case: 'https://s.no/portal/saker/2026-00042',
    preferences: 'https://s.no/portal/varsel',
    unsubscribe: 'https://s.no/mail/l/u',
    confirm: 'https://s.no/mail/l/c?a=1&b=2',
    reopen: 'https://s.no/mail/l/r',
  },
  ...over,
});

describe('mail templates', () => {
  it.each(
    (['nn', 'nb', 'en'] as Locale[]).flatMap((language) =>
      notificationKinds.map((kind) => [language, kind] as const),
    ),
  )(
    '%s %s: subject with the number, both bodies, the unsubscribe link, no placeholder left',
    (language, kind) => {
      const mail = renderMail(content({ language, kind }), false);
      expect(mail.subject).toMatch(/^\[2026-00042\] /);
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
      expect(mail.text).toContain('https://s.no/mail/l/u');
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.html).toContain('href="https://s.no/mail/l/u"');
    },
  );

  it('escapes the case’s text in HTML and keeps it plain in text', () => {
    const mail = renderMail(content(), false);
    expect(mail.html).toContain('Skrivaren &lt;skriv&gt; ikkje');
    expect(mail.html).not.toContain('<skriv>');
    expect(mail.text).toContain('Skrivaren <skriv> ikkje');
  });

  it('a solved mail carries confirm and reopen links; others do not', () => {
    const solved = renderMail(content({ kind: 'resolved', message: 'Bytte toner.' }), true);
    expect(solved.text).toContain('Stadfest at saka er løyst: https://s.no/mail/l/c?a=1&b=2');
    expect(solved.html).toContain('href="https://s.no/mail/l/c?a=1&amp;b=2"');
    expect(solved.text).toContain('Bytte toner.');
    expect(solved.text).toContain('naudsynt');
    const reply = renderMail(content({ kind: 'agentReplied' }), false);
    expect(reply.text).not.toContain('https://s.no/mail/l/c');
  });

  it.each<[string, Partial<MailContent>, string | null]>([
    [
      'high, support open: call now',
      { priorityHigh: true, callNumber: '70 16 29 99' },
      'Ring 70 16 29 99 no.',
    ],
    [
      'high, closed: when it opens',
      { priorityHigh: true, callNumber: null, nextOpening: 'måndag 01.12. 08:00' },
      'opnar måndag 01.12. 08:00',
    ],
    ['medium: no number', { priorityHigh: false, callNumber: '70 16 29 99' }, null],
  ])('receipt, %s', (_name, over, expected) => {
    const mail = renderMail(content(over), false);
    if (expected) expect(mail.text).toContain(expected);
    else expect(mail.text).not.toContain('Ring');
  });
});
