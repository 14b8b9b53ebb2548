/**
 * The hook of the case write path: `enqueueNotifications(trx, ctx, {...})`, called in the
 * transaction that records a case event, writes the notifications the event causes to the
 * outbox. Core decides (notificationNeeds: who is to hear; deliveriesFor: on which channels,
 * by each person's preferences); this looks the people up and writes the rows.
 */
import type { CaseEvent, CaseRecord } from '@core/case';
import { type Locale, localeSchema, statusAt } from '@core/index';
import {
  deliveriesFor,
  type NotificationCandidate,
  type NotificationKind,
  type NotificationNeed,
  type NotificationRole,
  notificationNeeds,
} from '@core/notifications';
import type { Actor } from '@core/rules';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';
import { findUserById, type StoredUser, toStoredUser } from '../users/user-store';
import type { NewNotification } from './outbox-store';
import { enqueue } from './outbox-store';
import { preferencesOf, subjectOfEmail, subjectOfUser } from './preferences-store';
import { requesterEmail } from './requester-account';

export interface CaseEventFacts {
  event: CaseEvent;
  before: CaseRecord | null;
  after: CaseRecord;
  actor: Pick<Actor, 'id' | 'role'>;
}

interface Person {
  key: string;
  userId: string | null;
  name: string;
  email: string | null;
  language: Locale;
  isStaff: boolean;
  subject: string;
}

function languageOf(locale: string | null | undefined): Locale {
  const parsed = localeSchema.safeParse(locale);
  return parsed.success ? parsed.data : 'nn';
}

/**
 * The demo (`npm start`, mail to the local catcher): accounts without an address get
 * `<username>@saksbord.test`, so the demo's mail has somewhere to go. Off otherwise.
 */
let demoAddresses = false;
export function setDemoAddresses(on: boolean): void {
  demoAddresses = on;
}

function personOfUser(user: StoredUser): Person {
  return {
    key: `user:${user.id}`,
    userId: user.id,
    name: user.displayName,
    email: user.email ?? (demoAddresses ? `${user.username}@saksbord.test` : null),
    language: languageOf(user.locale),
    isStaff: user.role !== 'requester',
    subject: subjectOfUser(user.id),
  };
}

/** The requester: their account's address, or the address on the case. */
export async function requesterPerson(
  trx: Transaction<Database> | ServerContext['db'],
  record: CaseRecord,
): Promise<Person | null> {
  const account = record.requester.userId
    ? await findUserById(trx, record.requester.userId)
    : undefined;
  if (account) {
    const person = personOfUser(account);
    return { ...person, email: record.requester.email ?? person.email, isStaff: false };
  }
  const email = requesterEmail(record.requester);
  if (!email) return null;
  return {
    key: `email:${email.toLowerCase()}`,
    userId: null,
    name: record.requester.name,
    email,
    language: 'nn',
    isStaff: false,
    subject: subjectOfEmail(email),
  };
}

/** The members of the line a case was sent to: line 2 of its municipality, or line 3. */
async function lineMembers(
  trx: Transaction<Database>,
  ctx: ServerContext,
  record: CaseRecord,
  need: NotificationNeed,
): Promise<Person[]> {
  // Line 1 is the whole desk working one board; it is not mailed as a group.
  if (need.line === 2) {
    const municipality = ctx.config.municipalities.find(
      (m) => m.id === record.requester.municipalityId,
    );
    const listed = municipality?.line2Group?.consultantIds ?? [];
    const rows = await trx
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'consultant')
      .where('disabled', '=', 0)
      .execute();
    return rows
      .map(toStoredUser)
      .filter((u) =>
        listed.length > 0
          ? listed.includes(u.id)
          : u.municipalityIds.includes(record.requester.municipalityId),
      )
      .map(personOfUser);
  }
  if (need.line === 3) {
    const rows = await trx
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'senior')
      .where('disabled', '=', 0)
      .execute();
    return rows.map(toStoredUser).map(personOfUser);
  }
  return [];
}

async function peopleFor(
  trx: Transaction<Database>,
  ctx: ServerContext,
  record: CaseRecord,
  need: NotificationNeed,
  role: NotificationRole,
): Promise<Person[]> {
  switch (role) {
    case 'requester': {
      const person = await requesterPerson(trx, record);
      return person ? [person] : [];
    }
    case 'assignee': {
      if (!record.assigneeId) return [];
      const user = await findUserById(trx, record.assigneeId);
      return user && !user.disabled ? [personOfUser(user)] : [];
    }
    case 'lineMember':
      return lineMembers(trx, ctx, record, need);
    default:
      return [];
  }
}

/** What templates need beyond the stored case (which the sender reads at its seq). */
function payloadOf(ctx: ServerContext, facts: CaseEventFacts): Record<string, unknown> {
  const { event, after } = facts;
  const payload: Record<string, unknown> = {
    caseNumber: after.number,
    title: after.title,
    seq: event.seq,
    eventId: event.id,
    priority: after.priority,
    line: after.line,
  };
  const change = event.change;
  if (change.type === 'commented') payload.comment = change.body;
  if (change.type === 'statusChanged') payload.note = change.note;
  if (change.type === 'escalated') payload.note = change.reason;
  if (change.type === 'created') {
    const status = statusAt(ctx.calendar, Date.parse(event.at));
    const callable =
      status.callFor === 'all' || (status.callFor === 'critical' && after.priority === 'critical');
    payload.callNumber = callable ? status.callNumber : null;
    payload.nextSupportOpening = status.nextSupportOpening;
  }
  return payload;
}

/** Rows for `people` in `role` hearing `kind` of the event in `facts`, by core's rule. */
async function rowsFor(
  trx: Transaction<Database>,
  ctx: ServerContext,
  facts: CaseEventFacts,
  kind: NotificationKind,
  role: NotificationRole,
  people: readonly Person[],
  payload: () => Record<string, unknown>,
): Promise<NewNotification[]> {
  const now = ctx.now();
  const channels = ctx.notifications.personChannels();
  const rows: NewNotification[] = [];
  for (const person of people) {
    const candidate: NotificationCandidate = {
      role,
      isStaff: person.isStaff,
      isActor: person.userId !== null && person.userId === facts.actor.id,
      email: person.email,
      language: person.language,
      preferences: await preferencesOf(trx, person.subject),
    };
    for (const delivery of deliveriesFor(kind, candidate)) {
      if (!channels.includes(delivery.channel)) continue;
      rows.push({
        caseId: facts.after.id,
        dedupeKey: `${facts.event.id}:${kind}:${person.key}:${delivery.channel}:0`,
        kind,
        channel: delivery.channel,
        recipient: {
          userId: person.userId,
          name: person.name,
          email: person.email,
          language: person.language,
        },
        template: delivery.template,
        payload: payload(),
        giveUpAt: new Date(now.getTime() + ctx.notifications.giveUpAfterMs(delivery.channel)),
      });
    }
  }
  return rows;
}

/**
 * Writes the notifications `facts` cause. Call in the write transaction that records the
 * event, after the event row: they commit or roll back together.
 */
export async function enqueueNotifications(
  trx: Transaction<Database>,
  ctx: ServerContext,
  facts: CaseEventFacts,
): Promise<void> {
  const needs = notificationNeeds(facts.before, facts.after, facts.event, facts.actor.role);
  if (needs.length === 0) return;
  let cached: Record<string, unknown> | undefined;
  const payload = () => {
    cached ??= payloadOf(ctx, facts);
    return cached;
  };
  const rows: NewNotification[] = [];
  for (const need of needs) {
    for (const role of need.roles) {
      const people = await peopleFor(trx, ctx, facts.after, need, role);
      rows.push(...(await rowsFor(trx, ctx, facts, need.kind, role, people, payload)));
    }
  }
  if (rows.length > 0) await enqueue(trx, ctx.now(), rows);
}

/**
 * For features that know of people the case rule does not (mentions in a comment, the
 * case's followers): notifies these accounts of `kind` in `role`, by the same rule and
 * preferences, in the event's transaction. E.g. mentions:
 * `enqueueForUsers(trx, ctx, facts, 'mentioned', 'mentioned', mentionedIds)`.
 */
export async function enqueueForUsers(
  trx: Transaction<Database>,
  ctx: ServerContext,
  facts: CaseEventFacts,
  kind: NotificationKind,
  role: NotificationRole,
  userIds: readonly string[],
): Promise<void> {
  const people: Person[] = [];
  for (const id of new Set(userIds)) {
    const user = await findUserById(trx, id);
    if (user && !user.disabled) people.push(personOfUser(user));
  }
  const payload = payloadOf(ctx, facts);
  const rows = await rowsFor(trx, ctx, facts, kind, role, people, () => payload);
  if (rows.length > 0) await enqueue(trx, ctx.now(), rows);
}
