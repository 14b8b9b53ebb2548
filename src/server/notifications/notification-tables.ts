/**
 * Table types of the notification outbox (migration 010, notification-migration.ts). Listed
 * in db/schema.ts's `Database`.
 */

/**
 * One message to one recipient on one channel, written in the same transaction as the case
 * event that caused it (the transactional outbox).
 */
export interface NotificationsTable {
  id: string;
  case_id: string | null;
  /** Unique: event + kind + recipient + channel + step; the same one is never enqueued twice. */
  dedupe_key: string;
  kind: string;
  /** `email`, `inApp`, `push`, `sms`, ... (a registered ChannelSender's `channel`). */
  channel: string;
  /** JSON NotificationRecipient. */
  recipient: string;
  template: string;
  /** JSON object: what the template needs (case number, event seq, note, ...). */
  payload: string;
  /** `pending` | `sending` (claimed) | `sent` | `failed` (given up). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** After this instant a failing notification is given up. */
  give_up_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** A person's notification choices: `user:<id>` or `email:<lower-cased address>`. */
export interface NotificationPreferencesTable {
  subject: string;
  /** JSON NotificationPreferences (core). */
  preferences: string;
  updated_at: string;
}

/** Single use of signed mail links: a link's id once used (confirm, reopen). */
export interface MailLinkUsesTable {
  link_id: string;
  used_at: string;
}

/** Server secrets made at first start (the key that signs mail links and reply addresses). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** Mail received by the inbound listener, and what became of it. */
export interface InboundMailTable {
  id: string;
  received_at: string;
  message_id: string | null;
  from_address: string;
  subject: string;
  /** The case it was matched to, if any. */
  case_id: string | null;
  /** `posted` (comment), `created` (new case), `held` (for line 1), `ignored` (loop), `released`, `discarded`. */
  status: string;
  reason: string;
  /** The plain text body (held mail is shown to line 1). */
  body: string;
}
