import { describe, expect, it } from 'vitest';
import {
  type NotificationKind,
  type NotificationPreferences,
  type NotificationRole,
  noPreferences,
} from './notification-kinds';
import { deliveriesFor, type NotificationCandidate } from './notification-rule';

const person = (
  role: NotificationRole,
  over: Partial<NotificationCandidate> = {},
): NotificationCandidate => ({
  role,
  isStaff: role !== 'requester',
  isActor: false,
  email: 'p@example.no',
  language: 'nn',
  preferences: noPreferences,
  ...over,
});
const prefs = (p: Partial<NotificationPreferences>): NotificationPreferences => ({
  ...noPreferences,
  ...p,
});

describe('who gets what: kind × role × preferences → channels', () => {
  it.each<[string, NotificationKind, NotificationCandidate, string[]]>([
    // Defaults: requesters by mail, staff by mail and in the app.
    ['receipt to the requester', 'caseReceived', person('requester'), ['email']],
    [
      'receipt even when the requester registered it',
      'caseReceived',
      person('requester', { isActor: true }),
      ['email'],
    ],
    ['a reply to the requester', 'agentReplied', person('requester'), ['email']],
    ['waiting for the requester', 'waitingForYou', person('requester'), ['email']],
    ['solved: confirm or reopen', 'resolved', person('requester'), ['email']],
    ['closed', 'closed', person('requester'), ['email']],
    ['assigned to you', 'assignedToYou', person('assignee'), ['email', 'inApp']],
    ['escalated to your line', 'escalatedToYou', person('lineMember'), ['email', 'inApp']],
    [
      'the requester answered, to the assignee',
      'requesterReplied',
      person('assignee'),
      ['email', 'inApp'],
    ],
    [
      'the requester answered, to an unassigned case’s line',
      'requesterReplied',
      person('lineMember'),
      ['inApp'],
    ],
    ['mentioned', 'mentioned', person('mentioned'), ['email', 'inApp']],
    // Nobody hears of their own act.
    ['not your own assignment', 'assignedToYou', person('assignee', { isActor: true }), []],
    ['not your own reply', 'agentReplied', person('requester', { isActor: true }), []],
    // A role the kind is not for gets nothing.
    ['a requester is not told of an assignment', 'assignedToYou', person('requester'), []],
    ['an assignee is not sent the receipt', 'caseReceived', person('assignee'), []],
    // Channels need their means: no address, no mail; requesters have no in-app list.
    [
      'no address: in the app only',
      'assignedToYou',
      person('assignee', { email: null }),
      ['inApp'],
    ],
    ['no address, requester: nothing', 'agentReplied', person('requester', { email: null }), []],
    // Preferences per kind and channel.
    [
      'mail off for replies',
      'agentReplied',
      person('requester', { preferences: prefs({ kinds: { agentReplied: { email: false } } }) }),
      [],
    ],
    [
      'in-app off for escalations',
      'escalatedToYou',
      person('lineMember', { preferences: prefs({ kinds: { escalatedToYou: { inApp: false } } }) }),
      ['email'],
    ],
    [
      'mail on where the default is off',
      'requesterReplied',
      person('lineMember', {
        preferences: prefs({ kinds: { requesterReplied: { email: true } } }),
      }),
      ['email', 'inApp'],
    ],
    // Unsubscribed from all: only the essential mails still come.
    [
      'unsubscribed: no receipt',
      'caseReceived',
      person('requester', { preferences: prefs({ unsubscribedAll: true }) }),
      [],
    ],
    [
      'unsubscribed: still "waiting for you"',
      'waitingForYou',
      person('requester', { preferences: prefs({ unsubscribedAll: true }) }),
      ['email'],
    ],
    [
      'unsubscribed: still "solved"',
      'resolved',
      person('requester', { preferences: prefs({ unsubscribedAll: true }) }),
      ['email'],
    ],
    [
      'essential mail cannot be turned off per kind',
      'resolved',
      person('requester', { preferences: prefs({ kinds: { resolved: { email: false } } }) }),
      ['email'],
    ],
    [
      'unsubscribed staff: in the app still',
      'escalatedToYou',
      person('lineMember', { preferences: prefs({ unsubscribedAll: true }) }),
      ['inApp'],
    ],
    [
      'unsubscribed staff: an assignment still mails',
      'assignedToYou',
      person('assignee', { preferences: prefs({ unsubscribedAll: true }) }),
      ['email', 'inApp'],
    ],
    // Followers (another feature) get only what they turned on.
    ['a follower by default: nothing', 'agentReplied', person('follower'), []],
    [
      'a follower who chose mail',
      'agentReplied',
      person('follower', { preferences: prefs({ kinds: { agentReplied: { email: true } } }) }),
      ['email'],
    ],
  ])('%s', (_name, kind, candidate, channels) => {
    expect(deliveriesFor(kind, candidate).map((d) => d.channel)).toEqual(channels);
    for (const d of deliveriesFor(kind, candidate)) expect(d.template).toBe(kind);
  });
});
