/**
 * The e-mail channel: renders a notification with core's templates (the person's language,
 * plain text and HTML, the case's public history up to the event) and sends it through
 * SMTP. Every mail carries RFC 3834's `Auto-Submitted: auto-generated`, a Message-ID made
 * from the notification id (a resend after a crash is the same mail), the case's thread in
 * References, a Reply-To that finds the case, and an unsubscribe link (RFC 8058 one-click).
 */

import type { CaseRecord } from '@core/case';
import { type Locale, localeSchema } from '@core/config';
import {
  essentialKinds,
  type MailHistoryEntry,
  type NotificationKind,
  notificationKindSchema,
  publicHistoryText,
  renderMail,
} from '@core/notifications';
import { DateTime } from 'luxon';
import type { Transporter } from 'nodemailer';
import { eventOf, recordOf } from '../cases/case-rows';
import type {
  ChannelSender,
  OutboxNotification,
  SendResult,
} from '../notifications/channel-sender';
import { linkSecret, replyAddress, signLink } from '../notifications/mail-links';
import { subjectOfEmail, subjectOfUser } from '../notifications/preferences-store';
import type { ServerContext } from '../server-context';
import { caseThreadIdOf, domainOf, isPermanentSmtpError, messageIdOf } from './smtp-transport';

const requesterKinds: readonly NotificationKind[] = [
  'caseReceived',
  'agentReplied',
  'waitingForYou',
  'resolved',
  'closed',
];
const serviceName: Record<Locale, string> = {
  nn: 'Brukarstøtta',
  nb: 'Brukerstøtten',
  en: 'User support',
};

export function publicBaseUrl(ctx: ServerContext): string {
  return (ctx.config.mail?.publicUrl ?? ctx.notifications.publicUrl).replace(/\/+$/, '');
}

/** Renders a notification into a mail (subject, text, HTML, headers). Exported for tests and the catcher. */
export async function composeMail(ctx: ServerContext, n: OutboxNotification) {
  const mail = ctx.config.mail!;
  const kind = notificationKindSchema.parse(n.kind);
  const language: Locale = localeSchema.safeParse(n.recipient.language).data ?? 'nn';
  const caseRow = n.caseId
    ? await ctx.db
        .selectFrom('cases')
        .select('record')
        .where('id', '=', n.caseId)
        .executeTakeFirst()
    : undefined;
  if (!caseRow) throw new Error(`case ${n.caseId} not found`);
  const record: CaseRecord = recordOf(caseRow);
  const seq = Number(n.payload.seq ?? Number.MAX_SAFE_INTEGER);
  const rows = await ctx.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', record.id)
    .where('seq', '<=', seq)
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
  const zone = ctx.config.calendar.timeZone;
  const history: MailHistoryEntry[] = [];
  for (const row of rows) {
    const event = eventOf(row);
    const text = publicHistoryText(event.change, language);
    if (text === null) continue;
    history.push({
      at: DateTime.fromISO(event.at, { zone }).toFormat('dd.MM.yyyy HH:mm'),
      who:
        record.requester.userId !== null && event.actorId === record.requester.userId
          ? record.requester.name
          : serviceName[language],
      text,
    });
    if (history.length >= 10) break;
  }
  const key = await linkSecret(ctx.db);
  const base = publicBaseUrl(ctx);
  const email = String(n.recipient.email ?? '');
  const subject = n.recipient.userId
    ? subjectOfUser(String(n.recipient.userId))
    : subjectOfEmail(email);
  const forRequester = requesterKinds.includes(kind);
  const nowMs = ctx.now().getTime();
  const linkUntil = nowMs + mail.linkValidDays * 86_400_000;
  const unsubscribe = `${base}/mail/l/${signLink(key, { action: 'unsubscribe', caseId: null, subject, expires: nowMs + 365 * 86_400_000 })}`;
  const links = {
    case: forRequester
      ? `${base}/portal/saker/${encodeURIComponent(record.number ?? record.id)}`
      : `${base}/#/case/${record.id}`,
    preferences: forRequester ? `${base}/portal/varsel` : `${base}/#/varsel`,
    unsubscribe,
    ...(kind === 'resolved'
      ? {
          confirm: `${base}/mail/l/${signLink(key, { id: `${n.id}:confirm`, action: 'confirm', caseId: record.id, subject, expires: linkUntil })}`,
          reopen: `${base}/mail/l/${signLink(key, { id: `${n.id}:reopen`, action: 'reopen', caseId: record.id, subject, expires: linkUntil })}`,
        }
      : {}),
  };
  const organisationName =
    ctx.config.organisation.localizedName?.[language] ?? ctx.config.organisation.name;
  const nextOpening =
    typeof n.payload.nextSupportOpening === 'string'
      ? DateTime.fromISO(n.payload.nextSupportOpening, { zone })
          .setLocale(language === 'en' ? 'en-GB' : 'nb')
          .toFormat('cccc dd.MM. HH:mm')
      : null;
  const rendered = renderMail(
    {
      kind,
      language,
      organisationName,
      caseNumber: record.number ?? '',
      title: record.title,
      recipientName: String(n.recipient.name ?? ''),
      message:
        typeof n.payload.comment === 'string'
          ? n.payload.comment
          : typeof n.payload.note === 'string' && n.payload.note
            ? n.payload.note
            : null,
      callNumber: typeof n.payload.callNumber === 'string' ? n.payload.callNumber : null,
      nextOpening,
      priorityHigh: record.priority === 'critical' || record.priority === 'high',
      // Staff mails carry the public history too: never an internal note in a mail.
      history,
      links,
    },
    essentialKinds.includes(kind),
  );
  const domain = domainOf(mail.from);
  const thread = caseThreadIdOf(record.id, domain);
  return {
    from: mail.from,
    to: n.recipient.name ? { name: String(n.recipient.name), address: email } : email,
    ...(mail.replyTo && record.number
      ? { replyTo: replyAddress(key, mail.replyTo, record.number) }
      : {}),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: messageIdOf(n.id, domain),
    inReplyTo: thread,
    references: [thread],
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'X-Saksbord-Notification': n.id,
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

export function createEmailSender(ctx: ServerContext, transport: Transporter): ChannelSender {
  return {
    channel: 'email',
    async send(n: OutboxNotification): Promise<SendResult> {
      if (!n.recipient.email) return { ok: false, permanent: true, error: 'no address' };
      let message: Awaited<ReturnType<typeof composeMail>>;
      try {
        message = await composeMail(ctx, n);
      } catch (error) {
        return {
          ok: false,
          permanent: true,
          error: `could not compose: ${(error as Error).message}`,
        };
      }
      try {
        const info = await transport.sendMail(message);
        if ((info.rejected?.length ?? 0) > 0) {
          return { ok: false, permanent: true, error: `refused: ${info.response}` };
        }
        return { ok: true, detail: info.response };
      } catch (error) {
        return {
          ok: false,
          permanent: isPermanentSmtpError(error),
          error: (error as Error).message,
        };
      }
    },
  };
}
