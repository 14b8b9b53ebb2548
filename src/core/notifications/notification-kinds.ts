import { z } from 'zod';

/**
 * What a notification is about. Each kind is decided from a case event (see
 * notification-events.ts) or, for kinds other features add (mentions, followers), by the
 * feature that knows the event; who gets it and how is the rule in notification-rule.ts.
 */
export const notificationKinds = [
  /** Requester: the case is registered (number, what happens next, whom to call now). */
  'caseReceived',
  /** Requester: staff wrote a comment the requester can read. */
  'agentReplied',
  /** Requester: the case waits for them (the SLA clock is paused). */
  'waitingForYou',
  /** Requester: solved; confirm or reopen (links without a password). */
  'resolved',
  /** Requester: the case is closed. */
  'closed',
  /** Staff: the case was assigned to you. */
  'assignedToYou',
  /** Staff: the case was escalated (or sent back) to your line or municipality. */
  'escalatedToYou',
  /** Staff: the requester answered (in the portal or by mail). */
  'requesterReplied',
  /** Staff: a comment mentions you (sent by the mentions feature). */
  'mentioned',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/**
 * How a person stands to the case for one notification: its requester, its assignee, a
 * member of the line or municipality it was sent to, someone mentioned, a follower.
 */
export const notificationRoles = [
  'requester',
  'assignee',
  'lineMember',
  'mentioned',
  'follower',
] as const;
export type NotificationRole = (typeof notificationRoles)[number];

/**
 * Where a notification goes. `email` and `inApp` are decided by this rule; the outbox is
 * channel-generic, so paging adds `push` and `sms` with its own rule.
 */
export const personChannels = ['email', 'inApp'] as const;
export const personChannelSchema = z.enum(personChannels);
export type PersonChannel = z.infer<typeof personChannelSchema>;

/**
 * Kinds a person cannot switch off by mail: without them the service cannot work (the SLA
 * clock is paused until the requester answers; a solved case waits for their confirmation;
 * an assigned case has nobody else looking at it).
 */
export const essentialKinds: readonly NotificationKind[] = [
  'waitingForYou',
  'resolved',
  'assignedToYou',
];

/** One person's choices: per kind and channel, on or off; and "no mail except essentials". */
export const notificationPreferencesSchema = z.object({
  kinds: z
    .partialRecord(notificationKindSchema, z.partialRecord(personChannelSchema, z.boolean()))
    .default({}),
  /** Set by the unsubscribe link in every mail: no mail but the essential kinds. */
  unsubscribedAll: z.boolean().default(false),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const noPreferences: NotificationPreferences = { kinds: {}, unsubscribedAll: false };
