/**
 * Rules for mail that arrives at the service. Pure: the server parses the mail and asks.
 */

/** Header values of an inbound mail (names lower-cased), and its envelope sender. */
export interface InboundMailFacts {
  headers: Readonly<Record<string, string>>;
  /** SMTP MAIL FROM; empty for bounces (RFC 5321 null reverse-path). */
  envelopeFrom: string;
  /** The From header's address, lower-cased. */
  fromAddress: string;
  /** Our own sending addresses, lower-cased. */
  ownAddresses: readonly string[];
}

export type LoopReason = 'bounce' | 'autoSubmitted' | 'autoReply' | 'bulk' | 'report' | 'ownMail';

/**
 * Why a mail must not be answered or turned into a case (RFC 3834 and common practice), or
 * null for a mail a person wrote: bounces (null envelope sender, delivery reports), mail
 * marked Auto-Submitted (anything but "no"), auto-replies (X-Autoreply, X-Autorespond,
 * Exchange's X-Auto-Response-Suppress set by auto-responders), bulk or list mail (Precedence),
 * and our own mail coming back.
 */
export function loopReason(mail: InboundMailFacts): LoopReason | null {
  const h = mail.headers;
  if (h['x-saksbord-notification'] !== undefined) return 'ownMail';
  if (mail.ownAddresses.includes(mail.fromAddress)) return 'ownMail';
  const envelope = mail.envelopeFrom.trim();
  if (envelope === '' || envelope === '<>') return 'bounce';
  if (/^(mailer-daemon|postmaster)@/i.test(mail.fromAddress)) return 'bounce';
  const contentType = (h['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/report')) return 'report';
  const auto = (h['auto-submitted'] ?? '').trim().toLowerCase();
  if (auto !== '' && !auto.startsWith('no')) return 'autoSubmitted';
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined) return 'autoReply';
  const precedence = (h.precedence ?? '').trim().toLowerCase();
  if (
    precedence === 'bulk' ||
    precedence === 'junk' ||
    precedence === 'list' ||
    precedence === 'auto_reply'
  ) {
    return 'bulk';
  }
  return null;
}

/**
 * The part of a reply the person wrote: the text above the quoted mail ("> " lines, and the
 * "On … wrote:" / "Den … skreiv:" line that introduces them, or a forwarded original).
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*>/.test(line)) break;
    const trimmed = line.trim();
    if (
      /^(On|Den|Le|Am|Op)\s/i.test(trimmed) &&
      /\b(wrote|skreiv|skrev|écrit|schrieb|schreef)\b/i.test(trimmed) &&
      trimmed.endsWith(':')
    )
      break;
    if (/^-{2,}\s*(Original Message|Opphavleg melding|Opprinnelig melding)/i.test(line.trim()))
      break;
    if (
      /^(From|Fra|Frå):\s/i.test(line) &&
      i + 1 < lines.length &&
      /^(Sent|Sendt|Date|Dato):\s/i.test(lines[i + 1]!)
    )
      break;
    out.push(line);
  }
  return out.join('\n').trim();
}
