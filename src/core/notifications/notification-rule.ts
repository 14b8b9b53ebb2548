import type { Locale } from '../config/localized-text';
import {
  essentialKinds,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationRole,
  type PersonChannel,
  personChannels,
} from './notification-kinds';

/**
 * Who gets what: event kind × the person's role on the case × their preferences → channels
 * and template. Pure; the server looks the people up and writes what this returns to the
 * outbox in the same transaction as the event.
 */

/** The defaults: for each kind, which roles get it on which channels. */
export const defaultChannels: Readonly<
  Record<NotificationKind, Partial<Record<NotificationRole, readonly PersonChannel[]>>>
> = {
  caseReceived: { requester: ['email'] },
  agentReplied: { requester: ['email'] },
  waitingForYou: { requester: ['email'] },
  resolved: { requester: ['email'] },
  closed: { requester: ['email'] },
  assignedToYou: { assignee: ['email', 'inApp'] },
  escalatedToYou: { lineMember: ['email', 'inApp'], assignee: ['email', 'inApp'] },
  requesterReplied: { assignee: ['email', 'inApp'], lineMember: ['inApp'] },
  mentioned: { mentioned: ['email', 'inApp'] },
};

/** A person the server found for one notification. */
export interface NotificationCandidate {
  role: NotificationRole;
  /** Staff get in-app notifications; requesters only mail. */
  isStaff: boolean;
  /** The person did the act themselves (no mail about your own act, except the receipt). */
  isActor: boolean;
  /** Where mail can go; null for nobody to mail. */
  email: string | null;
  language: Locale;
  preferences: NotificationPreferences;
}

export interface NotificationDelivery {
  channel: PersonChannel;
  /** The template's id; today the kind itself. */
  template: NotificationKind;
}

/** Whether `kind` on `channel` is on for someone with `preferences`, given the default. */
export function channelWanted(
  kind: NotificationKind,
  channel: PersonChannel,
  byDefault: boolean,
  preferences: NotificationPreferences,
): boolean {
  if (!byDefault) return preferences.kinds[kind]?.[channel] === true;
  if (channel === 'email' && essentialKinds.includes(kind)) return true;
  if (channel === 'email' && preferences.unsubscribedAll) return false;
  return preferences.kinds[kind]?.[channel] ?? true;
}

/**
 * The deliveries of `kind` to one candidate. A role with no default for the kind gets
 * nothing unless the person turned a channel on; the acting person is never told of their own
 * act, except the requester's receipt; mail needs an address, in-app needs a staff account.
 */
export function deliveriesFor(
  kind: NotificationKind,
  candidate: NotificationCandidate,
): NotificationDelivery[] {
  if (candidate.isActor && kind !== 'caseReceived') return [];
  const defaults = defaultChannels[kind][candidate.role];
  if (!defaults && candidate.role !== 'follower') return [];
  const out: NotificationDelivery[] = [];
  for (const channel of personChannels) {
    if (channel === 'email' && !candidate.email) continue;
    if (channel === 'inApp' && !candidate.isStaff) continue;
    const byDefault = defaults?.includes(channel) ?? false;
    if (channelWanted(kind, channel, byDefault, candidate.preferences)) {
      out.push({ channel, template: kind });
    }
  }
  return out;
}
