import {
  type CaseChange,
  type CaseChangeInput,
  type CaseEvent,
  type CaseRecord,
  caseChangeSchema,
  type caseCreatedSchema,
  openStatuses,
  type SupportLine,
} from '@core/case/index';
import type { Role, RuleParams } from '@core/rules/index';
import type { Mutation } from '@core/sync/index';
import type { z } from 'zod';
import { casesOnLine } from './case-queries';
import { rebuildLocalCase, serverRecordOf, stripLocal } from './case-rebase';

import { eventsOfCase } from './event-log';
import {
  CaseNotFoundError,
  NothingToResolveError,
  NotSignedInError,
  RuleViolation,
} from './local-errors';
import type { ConflictRecord, LocalCase, OutboxItem, OutboxState } from './local-records';
import type { SaksbordDb } from './saksbord-db';

/** What the rules say about a change: allowed, or refused by a named rule. */
export type LocalRuleDecision =
  | { ok: true }
  | { ok: false; rule: string; messageKey: string; params?: Record<string, unknown> };

/**
 * Checks a change before it is stored, with the case rules from core
 * (`checkChange(current, change, actor, context)`), bound by the app to its context.
 */
export type LocalRuleCheck<A> = (
  current: CaseRecord | null,
  change: CaseChange,
  actor: A,
) => LocalRuleDecision;

export interface CaseRepositoryOptions<A extends { id: string; role?: Role }> {
  /** This installation's id, sent with every push. */
  deviceId: string;
  /** The signed-in user, or null (changes need one). */
  getActor: () => A | null;
  now: () => Date;
  /** A new UUID (case ids, mutation ids, comment ids, conflict ids). */
  newId: () => string;
  /** Rule check before a change is stored; without it every well-formed change is stored. */
  checkChange?: LocalRuleCheck<A>;
}

/** The data of a new case: the `created` change without its type. */
export type NewCaseInput = Omit<z.input<typeof caseCreatedSchema>, 'type'>;

/** One line of a case's history: an event the server recorded, or a local edit not yet there. */
export type TimelineEntry =
  | { kind: 'server'; event: CaseEvent }
  | {
      kind: 'local';
      mutationId: string;
      /** `pending`/`sending`: waiting; `acknowledged`: on the server; `rejected`: refused. */
      state: OutboxState;
      change: CaseChange;
      at: string;
      actorId: string;
      rejectionReason: string | null;
      rejectionRule: string | null;
      rejectionParams: RuleParams;
    };

export type CaseRepository = ReturnType<typeof createCaseRepository>;

/** Reads and writes cases in the local store; every write also goes to the outbox. */
export function createCaseRepository<A extends { id: string; role?: Role }>(
  db: SaksbordDb,
  options: CaseRepositoryOptions<A>,
) {
  const { now, newId } = options;

  function requireActor(): A {
    const actor = options.getActor();
    if (!actor) throw new NotSignedInError();
    return actor;
  }

  /** Stores one change locally and in the outbox. Call inside a rw transaction on cases+outbox. */
  async function applyInTransaction(caseId: string, change: CaseChange): Promise<void> {
    const actor = requireActor();
    const local = (await db.cases.get(caseId)) ?? null;
    if (change.type !== 'created' && !local) throw new CaseNotFoundError(caseId);
    const current = local ? stripLocal(local) : null;
    const decision = options.checkChange?.(current, change, actor);
    if (decision && !decision.ok) {
      throw new RuleViolation(decision.rule, decision.messageKey, decision.params ?? {});
    }
    const mutation: Mutation = {
      mutationId: newId(),
      caseId,
      // The server's version the user saw; local edits do not count (see case-rebase.ts).
      baseVersion: serverRecordOf(local)?.version ?? 0,
      clientAt: now().toISOString(),
      change,
    };
    await db.outbox.add({
      mutationId: mutation.mutationId,
      caseId,
      mutation,
      actorId: actor.id,
      ...(actor.role ? { actorRole: actor.role } : {}),
      state: 'pending',
      attempts: 0,
      lastError: null,
      seq: null,
      rejectionReason: null,
      rejectionRule: null,
    });
    await rebuildCase(db, caseId, serverRecordOf(local));
  }

  function writeTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return db.transaction('rw', [db.cases, db.outbox, db.conflicts], fn);
  }

  return {
    /** Registers a new case locally; returns its id. It shows a provisional number until synced. */
    async createCase(input: NewCaseInput): Promise<string> {
      const change = caseChangeSchema.parse({ ...input, type: 'created' });
      const caseId = newId();
      await writeTransaction(() => applyInTransaction(caseId, change));
      return caseId;
    },

    /**
     * Changes a case: checks the rules (throws `RuleViolation`), shows the change at once and
     * queues it for the server, in one transaction.
     */
    async applyLocalChange(caseId: string, input: CaseChangeInput): Promise<void> {
      const change = caseChangeSchema.parse(input);
      if (change.type === 'created') throw new Error('use createCase to create a case');
      await writeTransaction(() => applyInTransaction(caseId, change));
    },

    /**
     * Changes many cases at once (bulk actions), in ONE transaction: each change is checked
     * by the rules on its own case, and a refused one is reported (not thrown) while the others
     * are stored and queued. Returns, per item in order, null when stored or the refusal.
     */
    async applyLocalChanges(
      items: readonly { caseId: string; change: CaseChangeInput }[],
    ): Promise<(RuleViolation | Error | null)[]> {
      const outcomes: (RuleViolation | Error | null)[] = [];
      await writeTransaction(async () => {
        for (const item of items) {
          try {
            const change = caseChangeSchema.parse(item.change);
            if (change.type === 'created') throw new Error('use createCase to create a case');
            await applyInTransaction(item.caseId, change);
            outcomes.push(null);
          } catch (error) {
            // A refusal is found before anything of that item is written, so the
            // transaction goes on for the others.
            outcomes.push(error instanceof Error ? error : new Error(String(error)));
          }
        }
      });
      return outcomes;
    },

    /** Applies a value that lost a conflict again (a new change, based on the current case). */
    async reapplyConflict(conflictId: string): Promise<void> {
      await writeTransaction(async () => {
        const conflict = await db.conflicts.get(conflictId);
        if (conflict?.state !== 'open') throw new NothingToResolveError(conflictId);
        await applyInTransaction(conflict.caseId, changeReapplying(conflict));
        await db.conflicts.update(conflictId, { state: 'reapplied' });
      });
    },

    /** Lets the server's value stand. */
    async dismissConflict(conflictId: string): Promise<void> {
      const changed = await db.conflicts
        .where('id')
        .equals(conflictId)
        .and((c) => c.state === 'open')
        .modify({ state: 'dismissed' });
      if (changed === 0) throw new NothingToResolveError(conflictId);
    },

    /** Removes a mutation the server refused, after the user has seen why. */
    async dismissRejected(mutationId: string): Promise<void> {
      await writeTransaction(async () => {
        const item = await db.outbox.get({ mutationId });
        if (item?.state !== 'rejected') throw new NothingToResolveError(mutationId);
        await db.outbox.delete(item.order!);
        const local = await db.cases.get(item.caseId);
        await rebuildCase(db, item.caseId, serverRecordOf(local));
      });
    },

    /** Open cases on a support line, most recently changed first. */
    async openCasesByLine(line: SupportLine): Promise<LocalCase[]> {
      const cases = await casesOnLine(db, line, openStatuses);
      return cases.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async caseById(caseId: string): Promise<LocalCase | undefined> {
      return db.cases.get(caseId);
    },

    /** The case's history: server events in sequence order, then local edits not yet pulled. */
    async eventsOf(caseId: string): Promise<TimelineEntry[]> {
      const [events, items] = await Promise.all([
        eventsOfCase(db, caseId),
        db.outbox.where('caseId').equals(caseId).sortBy('order'),
      ]);
      const pulled = new Set(events.map((e) => e.mutationId));
      return [
        ...events.map((event): TimelineEntry => ({ kind: 'server', event })),
        ...items
          .filter((item) => !pulled.has(item.mutationId))
          .map(
            (item): TimelineEntry => ({
              kind: 'local',
              mutationId: item.mutationId,
              state: item.state,
              change: item.mutation.change,
              at: item.mutation.clientAt,
              actorId: item.actorId,
              rejectionReason: item.rejectionReason,
              rejectionRule: item.rejectionRule,
              rejectionParams: item.rejectionParams ?? {},
            }),
          ),
      ];
    },

    /** Open conflicts of a case (values of this user that lost and can be applied again). */
    async conflictsOf(caseId: string): Promise<ConflictRecord[]> {
      return db.conflicts.where('[caseId+state]').equals([caseId, 'open']).toArray();
    },

    /** Local changes not yet accepted by the server ("n changes waiting"). */
    async pendingCount(): Promise<number> {
      return countPending(db);
    },

    /** Changes the server refused, with its reasons, oldest first. */
    async rejectedMutations(): Promise<OutboxItem[]> {
      return db.outbox.where('state').equals('rejected').sortBy('order');
    },
  };
}

export function countPending(db: SaksbordDb): Promise<number> {
  return db.outbox.where('state').anyOf('pending', 'sending').count();
}

/** Recomputes the shown case from the server record and the case's outbox items. */
export async function rebuildCase(
  db: SaksbordDb,
  caseId: string,
  server: CaseRecord | null,
): Promise<LocalCase | null> {
  const items = await db.outbox.where('caseId').equals(caseId).sortBy('order');
  const next = rebuildLocalCase(caseId, server, items);
  if (next) await db.cases.put(next);
  else await db.cases.delete(caseId);
  return next;
}

/** The change that sets a conflict's losing value again. */
export function changeReapplying(conflict: ConflictRecord): CaseChange {
  const { field, yourValue, change } = conflict;
  let input: unknown;
  switch (field) {
    case 'title':
    case 'description':
    case 'categoryId':
    case 'formValues':
    case 'requester':
      input = { type: 'fieldsChanged', changes: { [field]: yourValue } };
      break;
    case 'priority':
      input = {
        type: 'prioritySet',
        priority: yourValue,
        answers: change.type === 'prioritySet' ? change.answers : null,
      };
      break;
    case 'status':
      input =
        change.type === 'statusChanged' || change.type === 'merged'
          ? change
          : { type: 'statusChanged', status: yourValue, waitingReason: null };
      break;
    case 'assigneeId':
      input = { type: 'assigned', assigneeId: yourValue };
      break;
    case 'line':
      input =
        change.type === 'escalated'
          ? change
          : { type: 'escalated', toLine: yourValue, reason: 'reapplied after a conflict' };
      break;
  }
  return caseChangeSchema.parse(input);
}
