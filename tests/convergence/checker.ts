/**
 * The convergence run's checker. After the run (all faults healed, every client synced) it
 * reads the server's database and every client's IndexedDB and proves:
 *
 * - nothing lost: every mutation a client made was decided by the server exactly once,
 *   and every applied result a client received is stored with the same sequence number;
 * - nothing duplicated: an applied mutation is exactly one event, a refused one none;
 * - convergence: every client holds exactly the server's cases and all of its events;
 * - the history explains the cases: replaying the events with core's reducer
 *   (`applyChange`) gives every stored case;
 * - no refusal without cause (`refused-wrongly`): each mutation the server refused (rejected
 *   by a rule, or a conflict) is re-decided with core's own rules (`checkChange`,
 *   `decideFieldConflicts`) against the case as the server held it when it decided. The
 *   exact moment of a refusal is not recorded (it has no sequence number), so it is bounded:
 *   not before the mutation's base version nor the device's previous applied mutation (a
 *   device's outbox is decided in order), and before the device's next applied mutation.
 *   The refusal is right if the rules give the same answer at some state of the case in that
 *   window; an applied mutation's lost fields are re-decided at the exact state before it.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyChange, type CaseRecord, type ConflictField } from '@core/case';
import type { MunicipalityConfig } from '@core/config';
import { checkChange, type Role } from '@core/rules';
import {
  decideFieldConflicts,
  type FieldWriter,
  fieldsAtStake,
  type Mutation,
  type MutationResult,
} from '@core/sync';
import type { Kysely } from 'kysely';
import { stripLocal } from '../../src/renderer/src/db/case-rebase';
import type { CaseRepository } from '../../src/renderer/src/db/case-repository';
import { countEvents } from '../../src/renderer/src/db/event-log';
import type { SaksbordDb } from '../../src/renderer/src/db/saksbord-db';
import { eventOf, recordOf } from '../../src/server/cases/case-rows';
import type { Database } from '../../src/server/db/schema';

export interface CheckedClient {
  index: number;
  deviceId: string;
  /** The client's mutations in outbox order. */
  ledger: string[];
  db: SaksbordDb;
  repo: CaseRepository;
}

export interface CheckInput {
  db: Kysely<Database>;
  clients: CheckedClient[];
  users: ReadonlyMap<string, { role: Role; municipalityIds: string[] }>;
  municipalities: readonly MunicipalityConfig[];
  /** Each mutation as the client first sent it (recorded at the client's fetch). */
  sent: ReadonlyMap<string, Mutation>;
  /** Applied results the clients received (mutation id → seq): each must be stored as such. */
  acknowledged: ReadonlyMap<string, number>;
}

export interface CheckResult {
  lost: number;
  duplicated: number;
  refusedWrongly: number;
  problems: string[];
  stats: Record<string, number>;
}

/** A case's states in sequence order: `states[i]` holds after event `seqs[i]`. */
interface CaseHistory {
  seqs: number[];
  states: CaseRecord[];
}

export async function checkRun(input: CheckInput): Promise<CheckResult> {
  const { db, clients, users } = input;
  const problems: string[] = [];
  const stats: Record<string, number> = {};
  const bump = (key: string, by = 1) => {
    stats[key] = (stats[key] ?? 0) + by;
  };

  const serverCases = new Map<string, CaseRecord>(
    (await db.selectFrom('cases').select('record').execute()).map((row) => {
      const record = recordOf(row);
      return [record.id, record];
    }),
  );
  const events = (await db.selectFrom('case_events').selectAll().orderBy('seq').execute()).map(
    (row) => eventOf(row),
  );
  const results = new Map<string, { result: MutationResult; userId: string }>(
    (await db.selectFrom('mutations').select(['mutation_id', 'result', 'user_id']).execute()).map(
      (r) => [r.mutation_id, { result: JSON.parse(r.result) as MutationResult, userId: r.user_id }],
    ),
  );
  const eventsBySeq = new Map(events.map((e) => [e.seq, e]));
  const eventsPerMutation = new Map<string, number>();
  for (const event of events) {
    if (event.mutationId) {
      eventsPerMutation.set(event.mutationId, (eventsPerMutation.get(event.mutationId) ?? 0) + 1);
    }
  }
  const ledger = new Map<string, CheckedClient>();
  for (const client of clients) for (const id of client.ledger) ledger.set(id, client);

  // The history explains the cases: replay every case's events with core's reducer.
  const histories = new Map<string, CaseHistory>();
  for (const event of events) {
    const history = histories.get(event.caseId) ?? { seqs: [], states: [] };
    histories.set(event.caseId, history);
    const before = history.states.at(-1) ?? null;
    const role = users.get(event.actorId)?.role ?? 'agent';
    let after = applyChange(before, event.change, {
      caseId: event.caseId,
      at: event.clientAt,
      actorId: event.actorId,
      actorRole: role,
      seq: event.seq,
    });
    if (!before) after = { ...after, number: serverCases.get(event.caseId)?.number ?? null };
    history.seqs.push(event.seq);
    history.states.push(after);
  }
  for (const [id, stored] of serverCases) {
    const replayed = histories.get(id)?.states.at(-1);
    if (!isDeepStrictEqual(replayed, stored)) {
      problems.push(`case ${id}: replaying its events does not give the stored case`);
    }
  }

  /** The case as the server held it once every event up to `seq` was committed. */
  const stateAt = (caseId: string, seq: number): CaseRecord | null => {
    const history = histories.get(caseId);
    if (!history) return null;
    let found: CaseRecord | null = null;
    for (let i = 0; i < history.seqs.length && history.seqs[i]! <= seq; i++) {
      found = history.states[i]!;
    }
    return found;
  };
  /** Every state the case went through with its last event in [from, to). */
  const statesBetween = (caseId: string, from: number, to: number): (CaseRecord | null)[] => {
    const states = [stateAt(caseId, from)];
    const history = histories.get(caseId);
    history?.seqs.forEach((seq, i) => {
      if (seq > from && seq < to) states.push(history.states[i]!);
    });
    return states;
  };
  const writersOf = (state: CaseRecord, fields: readonly ConflictField[]) => {
    const writers = new Map<ConflictField, FieldWriter>();
    for (const field of fields) {
      const event = eventsBySeq.get(state.fieldVersions[field] ?? 0);
      if (event) {
        writers.set(field, { actorId: event.actorId, deviceId: event.deviceId, at: event.at });
      }
    }
    return writers;
  };

  /** Core's decision of `mutation` by its client against one state of its case. */
  const decide = (
    state: CaseRecord | null,
    mutation: Mutation,
    actor: { id: string; role: Role; municipalityIds: string[] },
    deviceId: string,
  ): { status: 'rejected'; rule: string } | { status: 'conflict' | 'applied'; lost: string[] } => {
    const verdict = checkChange(state, mutation.change, actor, {
      municipalities: input.municipalities,
      users: (id) => users.get(id),
    });
    if (!verdict.ok) return { status: 'rejected', rule: verdict.rule };
    const writers = state ? writersOf(state, fieldsAtStake(state, mutation)) : new Map();
    const decision = decideFieldConflicts(
      state,
      mutation,
      { actorId: actor.id, deviceId },
      writers,
    );
    return {
      status: decision.change ? 'applied' : 'conflict',
      lost: [...decision.lost].sort(),
    };
  };

  // Exactly once: each mutation decided once, an applied one recorded as one event.
  let lost = 0;
  let duplicated = 0;
  const rejectedLocally = new Set<string>();
  for (const client of clients) {
    for (const item of await client.db.outbox.toArray()) {
      if (item.state === 'rejected') rejectedLocally.add(item.mutationId);
      else problems.push(`client ${client.index}: mutation ${item.mutationId} still ${item.state}`);
    }
  }
  for (const client of clients) {
    for (const mutationId of client.ledger) {
      const stored = results.get(mutationId);
      const count = eventsPerMutation.get(mutationId) ?? 0;
      if (count > 1) duplicated += 1;
      if (!stored) {
        // Nothing in this run is refused as a whole request (faults only lose or delay
        // requests), so a mutation the server never decided was dropped.
        lost += 1;
        problems.push(
          `mutation ${mutationId} of client ${client.index} never reached the server${rejectedLocally.has(mutationId) ? ' (marked rejected locally)' : ''}`,
        );
        continue;
      }
      const { result } = stored;
      bump(`outcome.${result.status}`);
      if (result.status === 'applied' && count !== 1) {
        problems.push(`applied mutation ${mutationId} has ${count} events`);
        if (count === 0) lost += 1;
      }
      if (result.status !== 'applied' && count !== 0) {
        problems.push(`${result.status} mutation ${mutationId} has ${count} events`);
      }
      if (!input.sent.has(mutationId)) {
        problems.push(`mutation ${mutationId}: decided but never seen on the wire`);
      }
    }
  }

  // Nothing acknowledged is lost, even by a server killed right after answering.
  for (const [mutationId, seq] of input.acknowledged) {
    const stored = results.get(mutationId)?.result;
    const event = eventsBySeq.get(seq);
    if (stored?.seq !== seq || event?.mutationId !== mutationId) {
      lost += 1;
      problems.push(
        `mutation ${mutationId} was acknowledged as seq ${seq}; the server holds ${stored ? `${stored.status} ${stored.seq}` : 'nothing'}`,
      );
    }
  }
  stats.acksChecked = input.acknowledged.size;

  /**
   * Every refusal re-decided with core's rules; returns how many were checked and how many
   * no state of the case explains. `report` gets a line per wrong refusal.
   */
  const recheck = (sent: ReadonlyMap<string, Mutation>, report: (line: string) => void) => {
    let checked = 0;
    let wrong = 0;
    for (const client of clients) {
      const appliedSeq = client.ledger.map((id) => {
        const r = results.get(id)?.result;
        return r?.status === 'applied' && r.seq !== null ? r.seq : null;
      });
      client.ledger.forEach((mutationId, position) => {
        const stored = results.get(mutationId);
        const mutation = sent.get(mutationId);
        const facts = stored && users.get(stored.userId);
        if (!stored || !mutation || !facts) return;
        const { result } = stored;
        const actor = { id: stored.userId, ...facts };
        if (result.status === 'applied') {
          // Decided at the exact state before its own event.
          const decision = decide(
            stateAt(mutation.caseId, (result.seq ?? 1) - 1),
            mutation,
            actor,
            client.deviceId,
          );
          const lostFields = result.conflicts.map((c) => c.field).sort();
          if (lostFields.length > 0) checked += 1;
          if (decision.status === 'rejected') {
            report(`mutation ${mutationId} applied against rule ${decision.rule}`);
          } else if (lostFields.some((f) => !decision.lost.includes(f))) {
            wrong += 1;
            report(
              `refused wrongly: fields ${lostFields.join(',')} of applied mutation ${mutationId} lost; the rules give ${decision.lost.join(',') || 'none'}`,
            );
          } else if (!isDeepStrictEqual(decision.lost, lostFields)) {
            report(
              `mutation ${mutationId} kept fields that lost: ${decision.lost.join(',')} vs ${lostFields.join(',')}`,
            );
          }
          return;
        }
        // Refused: some state in the window must give the same answer.
        checked += 1;
        const earlier = appliedSeq.slice(0, position).filter((s): s is number => s !== null);
        const later = appliedSeq.slice(position + 1).filter((s): s is number => s !== null);
        const from = Math.max(mutation.baseVersion, ...earlier);
        const to = later.length > 0 ? Math.min(...later) : Number.POSITIVE_INFINITY;
        const justified = statesBetween(mutation.caseId, from, to).some((state) => {
          const decision = decide(state, mutation, actor, client.deviceId);
          if (result.status === 'rejected') {
            return decision.status === 'rejected' && decision.rule === result.rule;
          }
          return decision.status === 'conflict';
        });
        if (!justified) {
          wrong += 1;
          report(
            `refused wrongly: ${result.status}${result.rule ? ` (${result.rule})` : ''} mutation ${mutationId} (${mutation.change.type}, base ${mutation.baseVersion}) of client ${client.index}: no state of case ${mutation.caseId} in seq [${from}, ${to}) gives that answer`,
          );
        }
      });
    }
    return { checked, wrong };
  };
  const recheckResult = recheck(input.sent, (line) => problems.push(line));
  const refusedWrongly = recheckResult.wrong;
  stats.refusalsChecked = recheckResult.checked;

  // The checker checks itself: with every refused mutation turned into a comment (which the
  // rules allow on any case and which writes no field), every refusal must count as wrong.
  const doctored = new Map(input.sent);
  let refusedCount = 0;
  for (const [id, { result }] of results) {
    const mutation = input.sent.get(id);
    if (!mutation || result.status === 'applied') continue;
    refusedCount += 1;
    doctored.set(id, {
      ...mutation,
      change: { type: 'commented', commentId: id, body: 'x', visibility: 'internal' },
    });
  }
  const selfTest = recheck(doctored, () => {});
  if (selfTest.wrong !== refusedCount) {
    problems.push(
      `checker self-test: ${selfTest.wrong} of ${refusedCount} refusals of doctored mutations seen as wrong`,
    );
  }
  stats.selfTestRefusals = refusedCount;

  for (const mutationId of eventsPerMutation.keys()) {
    if (!ledger.has(mutationId)) problems.push(`event for unknown mutation ${mutationId}`);
  }

  // The user has seen the rejections; dismissing them leaves only what the server holds.
  for (const client of clients) {
    for (const item of await client.repo.rejectedMutations()) {
      await client.repo.dismissRejected(item.mutationId);
    }
  }

  // Identical cases everywhere.
  for (const client of clients) {
    const local = await client.db.cases.toArray();
    const localIds = new Set(local.map((c) => c.id));
    for (const id of serverCases.keys()) {
      if (!localIds.has(id)) problems.push(`client ${client.index} lacks case ${id}`);
    }
    for (const c of local) {
      const server = serverCases.get(c.id);
      if (!server) {
        problems.push(`client ${client.index} has case ${c.id} the server does not`);
        continue;
      }
      if (c.pendingCount !== 0 || c.provisionalNumber !== null) {
        problems.push(`client ${client.index}: case ${c.id} not settled`);
      }
      if (!isDeepStrictEqual(stripLocal(c), server)) {
        problems.push(
          `client ${client.index}: case ${c.id} differs: ${JSON.stringify(stripLocal(c))} vs ${JSON.stringify(server)}`,
        );
      }
    }
    const held = await countEvents(client.db);
    if (held !== events.length) {
      problems.push(`client ${client.index} holds ${held} events, the server ${events.length}`);
    }
  }
  stats.serverEvents = events.length;
  stats.serverCases = serverCases.size;
  return { lost, duplicated, refusedWrongly, problems, stats };
}
