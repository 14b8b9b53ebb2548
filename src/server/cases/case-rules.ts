/**
 * The server's binding of the case rules from core (src/core/rules): who may read a case,
 * whether an actor may make a change. The rules live in core; this only maps accounts to
 * actors and supplies the context (the live municipality directory, the user directory).
 */

import type { CaseChange, CaseRecord } from '@core/case';
import type { ProblemCategory } from '@core/config';
import { type Actor, canReadCase, checkChange, type RuleParams, type UserFacts } from '@core/rules';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { ServerContext } from '../server-context';
import type { StoredUser } from '../users/user-store';

/** The signed-in user, as the rules see them. */
export type CaseActor = Actor & { displayName: string };

export type RuleDecision =
  | { ok: true }
  | { ok: false; rule: string; reason: string; params: RuleParams };

export function actorOf(user: StoredUser): CaseActor {
  return {
    id: user.id,
    role: user.role,
    municipalityIds: user.municipalityIds,
    displayName: user.displayName,
  };
}

export function mayReadCase(_ctx: ServerContext, actor: Actor, record: CaseRecord): boolean {
  return canReadCase(record, actor);
}

/**
 * `canReadCase` (core) as a SQL condition on the `cases` table, so lists filter and page in
 * the database. It must say exactly what `canReadCase` says, role by role; list queries still
 * run `mayReadCase` over the rows they return as a final guard, and the integration tests
 * compare the two over thousands of cases.
 */
export function readableCasesWhere(
  eb: ExpressionBuilder<Database, 'cases'>,
  actor: Actor,
): Expression<SqlBool> {
  switch (actor.role) {
    case 'requester':
      // `requester.userId !== null && requester.userId === actor.id`: NULL never equals.
      return eb('requester_user_id', '=', actor.id);
    case 'consultant': {
      const assigned = eb('assignee_id', '=', actor.id);
      // `in ()` is not valid SQL: a consultant of no municipality sees only their own cases.
      return actor.municipalityIds.length === 0
        ? assigned
        : eb.or([eb('municipality_id', 'in', actor.municipalityIds), assigned]);
    }
    case 'agent':
    case 'senior':
    case 'teamLeader':
    case 'admin':
      return eb.lit(true);
  }
}

export function checkCaseChange(
  ctx: ServerContext,
  current: CaseRecord | null,
  change: CaseChange,
  actor: Actor,
  /** Users the change names (an assignee), looked up before the check: the rules are sync. */
  users: ReadonlyMap<string, UserFacts>,
  /** The current problem categories, so portal forms are checked against their category. */
  categories?: readonly ProblemCategory[],
): RuleDecision {
  // A retired municipality or category keeps its cases but is open to no new one (nor may a
  // case be moved into it); every other change still sees it, so old cases work as before.
  const opening =
    change.type === 'created' ||
    (change.type === 'fieldsChanged' &&
      ((change.changes.requester?.municipalityId ?? current?.requester.municipalityId) !==
        current?.requester.municipalityId ||
        (change.changes.categoryId ?? current?.categoryId) !== current?.categoryId));
  const verdict = checkChange(current, change, actor, {
    municipalities: opening ? ctx.directory.active() : ctx.directory.all,
    users: (id) => users.get(id),
    ...(categories
      ? { categories: opening ? categories.filter((c) => !c.retired) : categories }
      : {}),
  });
  return verdict.ok
    ? verdict
    : { ok: false, rule: verdict.rule, reason: verdict.message, params: verdict.params };
}

/** Requesters see neither internal comments nor the service's worklog. */
export function mayReadEvent(actor: Actor, change: CaseChange): boolean {
  if (actor.role !== 'requester') return true;
  if (change.type === 'commented') return change.visibility !== 'internal';
  return change.type !== 'worklogAdded';
}
