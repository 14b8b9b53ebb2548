/**
 * The requester's account behind an e-mail address. A case registered by staff (phone,
 * e-mail) for someone who has an account is linked to it, so it appears in their "Mine
 * saker" and they act on it as themselves. Someone who writes to the service without an
 * account gets a mail contact (a requester account without a password: it cannot sign in
 * by password; single sign-on may claim it by its address), so their replies, confirmations
 * and reopenings are theirs, by the same rules as in the portal.
 */

import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '@core/case';
import type { Mutation } from '@core/sync';
import type { Kysely, Transaction } from 'kysely';
import { actorOf, type CaseActor } from '../cases/case-rules';
import { applyMutation } from '../cases/mutation-service';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';
import { createUser, findUserById, type StoredUser, toStoredUser } from '../users/user-store';

type Db = Kysely<Database> | Transaction<Database>;

/** The service itself, for acts no person did (linking an account, a case from mail). */
export const systemActor: CaseActor = {
  id: 'system',
  role: 'agent',
  municipalityIds: [],
  displayName: 'Saksbord',
};

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The e-mail address of a requester: the field, or a contact that is an address. */
export function requesterEmail(requester: CaseRecord['requester']): string | null {
  if (requester.email) return requester.email;
  const contact = requester.contact.trim();
  return emailPattern.test(contact) ? contact : null;
}

/** The one enabled requester account with this address, if exactly one. */
export async function requesterAccountByEmail(db: Db, email: string): Promise<StoredUser | null> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('role', '=', 'requester')
    .where('disabled', '=', 0)
    .limit(2)
    .execute();
  return rows.length === 1 ? toStoredUser(rows[0]!) : null;
}

/**
 * A case created by staff for a requester with an address and no account named: the
 * account with that address is put on it. A case a requester creates in the portal gets
 * their account's address as `requester.email`. Anything else is returned as it came.
 */
export async function withRequesterAccount(
  trx: Transaction<Database>,
  actor: CaseActor,
  mutation: Mutation,
): Promise<Mutation> {
  const change = mutation.change;
  if (change.type !== 'created') return mutation;
  if (actor.role === 'requester') {
    // A portal case carries its requester's address from their account.
    if (change.requester.email || change.requester.userId !== actor.id) return mutation;
    const own = await findUserById(trx, actor.id);
    if (!own?.email) return mutation;
    return {
      ...mutation,
      change: { ...change, requester: { ...change.requester, email: own.email } },
    };
  }
  // Staff registering a case (phone, e-mail): an address typed as the contact is the
  // requester's address, and the account with it, if any, is theirs.
  const email = requesterEmail(change.requester);
  if (!email) return mutation;
  const account = change.requester.userId ? null : await requesterAccountByEmail(trx, email);
  if (!account && change.requester.email === email) return mutation;
  return {
    ...mutation,
    change: {
      ...change,
      requester: { ...change.requester, email, ...(account ? { userId: account.id } : {}) },
    },
  };
}

/** A mail contact for `email` (an existing requester account with it, or a new one). */
export async function mailContact(
  db: Kysely<Database>,
  email: string,
  name: string,
  municipalityId: string,
  now: Date,
): Promise<StoredUser> {
  const found = await requesterAccountByEmail(db, email);
  if (found) return found;
  const base = email.trim().toLowerCase();
  for (let n = 0; n < 5; n++) {
    const username = n === 0 ? base : `${base}#${n}`;
    try {
      return await createUser(
        db,
        {
          username,
          displayName: name.trim() || base,
          role: 'requester',
          municipalityIds: [municipalityId],
          password: '',
          email: base,
        },
        now,
      );
    } catch {
      // the username is taken (another contact, or a race): try the next
      const again = await requesterAccountByEmail(db, email);
      if (again) return again;
    }
  }
  throw new Error(`could not make a mail contact for ${base}`);
}

/**
 * The requester of `record` as an actor, for acts they do by mail (a reply, a confirmation
 * link): their account, or a mail contact made now and put on the case (a `fieldsChanged`
 * by the service). Null when the case has no address to go by.
 */
export async function requesterActor(
  ctx: ServerContext,
  record: CaseRecord,
): Promise<{ actor: CaseActor; record: CaseRecord } | null> {
  if (record.requester.userId) {
    const user = await findUserById(ctx.db, record.requester.userId);
    return user && !user.disabled ? { actor: actorOf(user), record } : null;
  }
  const email = requesterEmail(record.requester);
  if (!email) return null;
  const contact = await mailContact(
    ctx.db,
    email,
    record.requester.name,
    record.requester.municipalityId,
    ctx.now(),
  );
  const outcome = await applyMutation(ctx, systemActor, 'mail', {
    mutationId: randomUUID(),
    caseId: record.id,
    baseVersion: record.version,
    clientAt: ctx.now().toISOString(),
    change: {
      type: 'fieldsChanged',
      changes: { requester: { ...record.requester, userId: contact.id, email } },
    },
  });
  if (outcome.result.status !== 'applied' || !outcome.record) return null;
  return { actor: actorOf(contact), record: outcome.record };
}
