/**
 * Telling the people the case rule does not know of (issue 16): colleagues `@mentioned` in a
 * staff comment (kind `mentioned`; an internal comment mentions only staff), and the case's
 * followers (role `follower`) of whatever the event tells others. Both go through the
 * notification outbox's rule and the person's preferences (src/core/notifications), in the
 * event's write transaction; a person told twice of one event gets one notification (the
 * outbox's dedupe key). Followers get what they chose in their preferences: the rule gives a
 * follower nothing by default.
 */
import { mentionedUsernames } from '@core/case';
import { notificationNeeds } from '@core/notifications';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { type CaseEventFacts, enqueueForUsers } from '../notifications/case-notifications';
import type { ServerContext } from '../server-context';

export async function notifyMentionsAndFollowers(
  trx: Transaction<Database>,
  ctx: ServerContext,
  facts: CaseEventFacts,
): Promise<void> {
  const change = facts.event.change;
  if (change.type === 'commented' && facts.actor.role !== 'requester') {
    const names = mentionedUsernames(change.body);
    if (names.length > 0) {
      const users = await trx
        .selectFrom('users')
        .select(['id', 'role'])
        .where('username', 'in', names)
        .execute();
      const told = users
        .filter((u) => u.role !== 'requester' || change.visibility === 'requester')
        .map((u) => u.id)
        .filter((id) => id !== facts.actor.id);
      if (told.length > 0) await enqueueForUsers(trx, ctx, facts, 'mentioned', 'mentioned', told);
    }
  }
  const followers = (facts.after.followerIds ?? []).filter((id) => id !== facts.actor.id);
  if (followers.length === 0) return;
  for (const need of notificationNeeds(facts.before, facts.after, facts.event, facts.actor.role)) {
    await enqueueForUsers(trx, ctx, facts, need.kind, 'follower', followers);
  }
}
