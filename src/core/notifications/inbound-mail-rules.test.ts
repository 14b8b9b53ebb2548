import { describe, expect, it } from 'vitest';
import { type InboundMailFacts, loopReason, replyText } from './inbound-mail-rules';

const mail = (over: Partial<InboundMailFacts> = {}): InboundMailFacts => ({
  headers: {},
  envelopeFrom: 'kari@molde.kommune.no',
  fromAddress: 'kari@molde.kommune.no',
  ownAddresses: ['brukarstotte@romsdal-ikt.no'],
  ...over,
});

describe('loop protection (RFC 3834)', () => {
  it.each<[string, InboundMailFacts, string | null]>([
    ['a person’s mail', mail(), null],
    ['Auto-Submitted: no is a person', mail({ headers: { 'auto-submitted': 'no' } }), null],
    ['a bounce: null envelope sender', mail({ envelopeFrom: '' }), 'bounce'],
    ['a bounce: <>', mail({ envelopeFrom: '<>' }), 'bounce'],
    [
      'a bounce from MAILER-DAEMON',
      mail({ fromAddress: 'mailer-daemon@molde.kommune.no' }),
      'bounce',
    ],
    [
      'a delivery report',
      mail({ headers: { 'content-type': 'multipart/report; report-type=delivery-status' } }),
      'report',
    ],
    ['auto-replied', mail({ headers: { 'auto-submitted': 'auto-replied' } }), 'autoSubmitted'],
    ['auto-generated', mail({ headers: { 'auto-submitted': 'auto-generated' } }), 'autoSubmitted'],
    ['X-Autoreply', mail({ headers: { 'x-autoreply': 'yes' } }), 'autoReply'],
    ['Precedence: bulk', mail({ headers: { precedence: 'bulk' } }), 'bulk'],
    ['Precedence: list', mail({ headers: { precedence: 'List' } }), 'bulk'],
    ['our own mail by header', mail({ headers: { 'x-saksbord-notification': 'abc' } }), 'ownMail'],
    ['our own address', mail({ fromAddress: 'brukarstotte@romsdal-ikt.no' }), 'ownMail'],
  ])('%s', (_name, facts, reason) => {
    expect(loopReason(facts)).toBe(reason);
  });
});

describe('the text a person wrote above the quoted mail', () => {
  it.each([
    ['Ja, takk.\n\n> Vi har fått saka di', 'Ja, takk.'],
    ['Ja.\n\nDen 30.11.2026 kl. 14:05 skreiv Brukarstøtta <b@x.no>:\n> tekst', 'Ja.'],
    ['Yes.\r\n\r\nOn Mon, 30 Nov 2026 at 14:05, Support <s@x.no> wrote:\r\n> text', 'Yes.'],
    ['Hei\n-----Original Message-----\nFrom: x', 'Hei'],
    ['Hei\n\nFrå: Brukarstøtta\nSendt: måndag\nEmne: Re', 'Hei'],
    ['Berre tekst, ingen sitat.', 'Berre tekst, ingen sitat.'],
  ])('%j', (text, expected) => {
    expect(replyText(text)).toBe(expected);
  });
});
