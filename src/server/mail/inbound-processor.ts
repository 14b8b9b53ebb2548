/**
 * What becomes of a mail to the service. Loop protection first (core's `loopReason`: no
 * answer to bounces, auto-replies, bulk mail or our own). Then the case it answers: by the
 * signed reply address (`support+<number>.<tag>@…`) or by the Message-IDs it refers to
 * (ours are made from the notification id and the case id), never by the subject alone.
 * - A reply from the case's requester (or staff) becomes a comment, with its attachments
 *   (the upload rules: allowed types and size).
 * - A reply from anyone else is held for line 1 (`inbound_mail`, status `held`).
 * - A mail that answers no case becomes a new case on line 1, channel e-mail.
 * Every mail is recorded once by its Message-ID: a mail delivered twice is processed once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseRecord } from '@core/case';
import { loopReason, replyText } from '@core/notifications';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { loadCase } from '../cases/case-queries';
import { actorOf, type CaseActor } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { AttachmentsTable } from '../db/schema';
import { caseNumberOfReplyAddress, linkSecret } from '../notifications/mail-links';
import {
  mailContact,
  requesterAccountByEmail,
  requesterActor,
  requesterEmail,
  systemActor,
} from '../notifications/requester-account';
import type { ServerContext } from '../server-context';
import { toStoredUser } from '../users/user-store';
import { bareAddress, caseIdOfThreadId, notificationIdOfMessageId } from './smtp-transport';

export type InboundOutcome = {
  status: 'posted' | 'created' | 'held' | 'ignored' | 'duplicate';
  reason: string;
  caseId: string | null;
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean);
}

function headerMap(parsed: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const name = line.key.toLowerCase();
    out[name] ??= line.line.slice(line.line.indexOf(':') + 1).trim();
  }
  return out;
}

async function matchCase(
  ctx: ServerContext,
  parsed: ParsedMail,
  recipients: readonly string[],
): Promise<CaseRecord | null> {
  const key = await linkSecret(ctx.db);
  for (const address of recipients) {
    const number = caseNumberOfReplyAddress(key, address);
    if (number) {
      const record = await loadCase(ctx, number);
      if (record) return record;
    }
  }
  const refs = [
    ...(parsed.inReplyTo ? [parsed.inReplyTo] : []),
    ...(Array.isArray(parsed.references)
      ? parsed.references
      : parsed.references
        ? [parsed.references]
        : []),
  ];
  for (const ref of refs) {
    const notificationId = notificationIdOfMessageId(ref);
    if (notificationId) {
      const row = await ctx.db
        .selectFrom('notifications')
        .select('case_id')
        .where('id', '=', notificationId)
        .executeTakeFirst();
      if (row?.case_id) {
        const record = await loadCase(ctx, row.case_id);
        if (record) return record;
      }
    }
    const caseId = caseIdOfThreadId(ref);
    if (caseId) {
      const record = await loadCase(ctx, caseId);
      if (record) return record;
    }
  }
  return null;
}

/** Stores the attachments the upload rules allow and records each as the actor's upload. */
async function addAttachments(
  ctx: ServerContext,
  record: CaseRecord,
  actor: CaseActor,
  parsed: ParsedMail,
): Promise<number> {
  const limits = ctx.config.attachments;
  let added = 0;
  for (const attachment of parsed.attachments) {
    const contentType = attachment.contentType.toLowerCase();
    if (!limits.allowedMimeTypes.includes(contentType)) continue;
    if (attachment.size === 0 || attachment.size > limits.maxBytes) continue;
    const current = (await loadCase(ctx, record.id)) ?? record;
    const at = ctx.now().toISOString();
    const fileName = (attachment.filename ?? 'vedlegg').slice(0, 255);
    const row: AttachmentsTable = {
      id: randomUUID(),
      case_id: record.id,
      file_name: fileName,
      content_type: contentType,
      size: attachment.content.length,
      sha256: createHash('sha256').update(attachment.content).digest('hex'),
      uploaded_by: actor.id,
      uploaded_at: at,
    };
    const dir = join(ctx.options.dataDir, 'attachments', record.id);
    const path = join(dir, row.id);
    await mkdir(dir, { recursive: true });
    await writeFile(path, attachment.content, { flush: true });
    const outcome = await applyMutation(
      ctx,
      actor,
      'mail',
      {
        mutationId: randomUUID(),
        caseId: record.id,
        baseVersion: current.version,
        clientAt: at,
        change: {
          type: 'attachmentAdded',
          attachmentId: row.id,
          fileName,
          contentType,
          sizeBytes: row.size,
        },
      },
      { attachment: row },
    ).catch(() => null);
    if (outcome?.result.status === 'applied') added++;
    else await rm(path, { force: true }).catch(() => {});
  }
  return added;
}

async function comment(
  ctx: ServerContext,
  record: CaseRecord,
  actor: CaseActor,
  body: string,
  internal: boolean,
) {
  return applyMutation(ctx, actor, 'mail', {
    mutationId: randomUUID(),
    caseId: record.id,
    baseVersion: record.version,
    clientAt: ctx.now().toISOString(),
    change: {
      type: 'commented',
      commentId: randomUUID(),
      body: body.slice(0, 20_000),
      visibility: internal ? 'internal' : 'requester',
    },
  });
}

async function record(
  ctx: ServerContext,
  id: string,
  parsed: ParsedMail,
  from: string,
  text: string,
  outcome: InboundOutcome,
): Promise<void> {
  await ctx.db
    .updateTable('inbound_mail')
    .set({
      status: outcome.status,
      reason: outcome.reason,
      case_id: outcome.caseId,
      body: text.slice(0, 50_000),
      subject: (parsed.subject ?? '').slice(0, 500),
      from_address: from,
    })
    .where('id', '=', id)
    .execute();
}

export async function processInboundMail(
  ctx: ServerContext,
  raw: Buffer,
  envelope: { from: string; to: readonly string[] },
): Promise<InboundOutcome> {
  const parsed = await simpleParser(raw);
  const from = addresses(parsed.from)[0] ?? '';
  const messageId =
    parsed.messageId ?? `<sha256.${createHash('sha256').update(raw).digest('hex')}@inbound>`;
  // Claim the Message-ID first: the same mail delivered twice is processed once.
  const id = randomUUID();
  const claimed = await ctx.db
    .insertInto('inbound_mail')
    .values({
      id,
      received_at: ctx.now().toISOString(),
      message_id: messageId,
      from_address: from,
      subject: '',
      case_id: null,
      status: 'receiving',
      reason: '',
      body: '',
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0)
    return { status: 'duplicate', reason: 'already received', caseId: null };
  try {
    return await decide(ctx, id, parsed, from, envelope);
  } catch (error) {
    // Not processed: free the Message-ID so the sender's retry is processed.
    await ctx.db
      .deleteFrom('inbound_mail')
      .where('id', '=', id)
      .execute()
      .catch(() => {});
    throw error;
  }
}

async function decide(
  ctx: ServerContext,
  id: string,
  parsed: ParsedMail,
  from: string,
  envelope: { from: string; to: readonly string[] },
): Promise<InboundOutcome> {
  const mail = ctx.config.mail;
  const text = (parsed.text ?? '').trim();
  const ownAddresses = mail
    ? [bareAddress(mail.from), ...(mail.replyTo ? [mail.replyTo.toLowerCase()] : [])]
    : [];
  const loop = loopReason({
    headers: headerMap(parsed),
    envelopeFrom: envelope.from,
    fromAddress: from,
    ownAddresses,
  });
  const done = async (outcome: InboundOutcome) => {
    await record(ctx, id, parsed, from, text, outcome);
    return outcome;
  };
  if (loop) return done({ status: 'ignored', reason: loop, caseId: null });
  if (!from) return done({ status: 'ignored', reason: 'noSender', caseId: null });

  const recipients = [
    ...envelope.to.map((a) => a.toLowerCase()),
    ...addresses(parsed.to),
    ...addresses(parsed.cc),
  ];
  const matched = await matchCase(ctx, parsed, recipients);
  if (matched) {
    const body = replyText(text) || text || (parsed.subject ?? '');
    const requesterAddress = (requesterEmail(matched.requester) ?? '').toLowerCase();
    let accountAddress = '';
    if (matched.requester.userId) {
      const row = await ctx.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', matched.requester.userId)
        .executeTakeFirst();
      accountAddress = (row?.email ?? '').toLowerCase();
    }
    if (from === requesterAddress || (accountAddress !== '' && from === accountAddress)) {
      const who = await requesterActor(ctx, matched);
      if (!who) return done({ status: 'held', reason: 'requesterUnavailable', caseId: matched.id });
      const outcome = await comment(ctx, who.record, who.actor, body, false);
      if (outcome.result.status !== 'applied') {
        return done({
          status: 'held',
          reason: `refused:${outcome.result.rule ?? outcome.result.status}`,
          caseId: matched.id,
        });
      }
      await addAttachments(ctx, who.record, who.actor, parsed);
      return done({ status: 'posted', reason: 'requester', caseId: matched.id });
    }
    const staffRow = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', from))
      .where('role', '!=', 'requester')
      .where('disabled', '=', 0)
      .executeTakeFirst();
    if (staffRow) {
      const staff = actorOf(toStoredUser(staffRow));
      // Staff writing by mail: recorded as an internal note (a mail client is no place to
      // decide what the requester reads).
      const outcome = await comment(ctx, matched, staff, body, true);
      if (outcome.result.status === 'applied') {
        await addAttachments(ctx, matched, staff, parsed);
        return done({ status: 'posted', reason: 'staff', caseId: matched.id });
      }
    }
    return done({ status: 'held', reason: 'unknownSender', caseId: matched.id });
  }

  // A new case for line 1 to triage.
  const account = await requesterAccountByEmail(ctx.db, from);
  const municipalityId =
    account?.municipalityIds[0] ??
    mail?.inbound?.defaultMunicipalityId ??
    ctx.config.municipalities[0]!.id;
  const name = (Array.isArray(parsed.from) ? parsed.from[0] : parsed.from)?.value[0]?.name || from;
  const contact = account ?? (await mailContact(ctx.db, from, name, municipalityId, ctx.now()));
  const caseId = randomUUID();
  const created = await applyMutation(ctx, systemActor, 'mail', {
    mutationId: randomUUID(),
    caseId,
    baseVersion: 0,
    clientAt: ctx.now().toISOString(),
    change: {
      type: 'created',
      title: (parsed.subject ?? '').trim().slice(0, 300) || '(e-post utan emne)',
      description: text.slice(0, 20_000),
      priority: 'low',
      priorityAnswers: null,
      channel: 'email',
      requester: { name, contact: from, email: from, municipalityId, unit: '', userId: contact.id },
      categoryId: null,
      formValues: {},
    },
  });
  if (created.result.status !== 'applied' || !created.record) {
    return done({
      status: 'held',
      reason: `refused:${created.result.rule ?? created.result.status}`,
      caseId: null,
    });
  }
  await addAttachments(ctx, created.record, actorOf(contact), parsed);
  return done({ status: 'created', reason: 'newCase', caseId });
}
