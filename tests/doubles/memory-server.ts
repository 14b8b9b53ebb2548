/**
 * A server in memory with the sync protocol's semantics (idempotent push, one global
 * sequence, per-field conflicts, paged pull, live pokes), for fast unit tests of the sync
 * engine. It decides like the real server because it uses the same core decisions: the case
 * rules (`checkChange`, so the same rule ids and messages), the per-field conflict decision
 * (`decideFieldConflicts`) and the mutation results (`appliedResult`, `conflictResult`,
 * `rejectedResult`). What it leaves out: accounts and read access (every actor is an agent
 * who sees every case), the user directory (an assignee is not looked up), categories,
 * attachments' files, durability. tests/integration/memory-server-parity.test.ts runs the
 * same pushes through it and through the real server and compares the answers.
 *
 * Test code only: nothing under src/ may import it (scripts/check-layers.ts).
 */
import {
  applyChange,
  type CaseChange,
  type CaseChangeInput,
  type CaseEvent,
  type CaseRecord,
  type ConflictField,
  caseChangeSchema,
} from '@core/case/index';
import { defaultMunicipalities, type MunicipalityConfig } from '@core/config/index';
import { type Actor, checkChange } from '@core/rules/index';
import {
  appliedResult,
  conflictResult,
  decideFieldConflicts,
  type FieldWriter,
  fieldsAtStake,
  type LiveEvent,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  rejectedResult,
} from '@core/sync/index';
import type { SyncTransport } from '../../src/renderer/src/sync/sync-transport';

export interface InMemorySyncServerOptions {
  /** The server's clock. */
  clock?: () => Date;
  /** The configured municipalities the rules check against (default: the shipped ones). */
  municipalities?: readonly MunicipalityConfig[];
  /** The organisation's zone, for the year in case numbers. */
  timeZone?: string;
}

export class InMemorySyncServer {
  readonly cases = new Map<string, CaseRecord>();
  readonly events: CaseEvent[] = [];
  /** Results by mutation id, with who pushed it: pushing it again returns the same result. */
  readonly results = new Map<string, { actorId: string; result: MutationResult }>();
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly numbers = new Map<string, number>();
  private readonly clock: () => Date;
  private readonly municipalities: readonly MunicipalityConfig[];
  private readonly timeZone: string;
  private seq = 0;
  /**
   * An extra refusal for a test (a rule id, or null to allow), asked after the case rules,
   * like a rule the double does not know (an unknown assignee, a category's form).
   */
  refuse: (record: CaseRecord | null, change: CaseChange) => string | null = () => null;

  constructor(options: InMemorySyncServerOptions | (() => Date) = {}) {
    const o = typeof options === 'function' ? { clock: options } : options;
    this.clock = o.clock ?? (() => new Date('2026-11-24T12:00:00Z'));
    this.municipalities = o.municipalities ?? defaultMunicipalities;
    this.timeZone = o.timeZone ?? 'Europe/Oslo';
  }

  get cursor(): number {
    return this.seq;
  }

  /** A push by `actorId` (an agent); the default stands for the signed-in user of the test. */
  push(request: PushRequest, actorId = 'server-actor'): PushResponse {
    const results = request.mutations.map((m) => {
      const known = this.results.get(m.mutationId);
      if (known) {
        return known.actorId === actorId
          ? known.result
          : rejectedResult(m.mutationId, 'mutation.idReused', 'this mutation id is already used');
      }
      const result = this.applyMutation(m, request.deviceId, actorId);
      this.results.set(m.mutationId, { actorId, result });
      return result;
    });
    if (results.some((r) => r.status === 'applied')) this.poke();
    return { results, cursor: this.seq };
  }

  pull(after: number, limit: number): PullResponse {
    const events = this.events.filter((e) => e.seq > after).slice(0, limit);
    const ids = [...new Set(events.map((e) => e.caseId))];
    const last = events[events.length - 1];
    return {
      events,
      cases: ids.map((id) => this.cases.get(id)!),
      cursor: last ? last.seq : after,
      hasMore: last ? this.events.some((e) => e.seq > last.seq) : false,
      head: this.seq,
    };
  }

  /**
   * A change made on the server itself (another agent, the portal), recorded as it is:
   * without rules or conflicts, so a test can set up any server state.
   */
  serverChange(caseId: string, input: CaseChangeInput, actorId = 'agent-server'): CaseEvent {
    const change = caseChangeSchema.parse(input);
    const at = this.now();
    const event = this.record(caseId, change, actorId, 'server-device', null, at, at);
    this.poke();
    return event;
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** A transport to this server, as one device sees it. */
  transport(): SyncTransport {
    return {
      push: async (request) => structuredClone(this.push(structuredClone(request))),
      pull: async (after, limit) => structuredClone(this.pull(after, limit)),
      subscribe: (onEvent, onConnection) => {
        const off = this.subscribe(onEvent);
        onConnection?.(true);
        return off;
      },
    };
  }

  private poke(): void {
    this.emit({ type: 'changes', cursor: this.seq });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** As the server's `applyMutationIn`: rules, then the per-field decision, then record. */
  private applyMutation(m: Mutation, deviceId: string, actorId: string): MutationResult {
    const current = this.cases.get(m.caseId) ?? null;
    if (m.change.type === 'attachmentAdded') {
      return rejectedResult(
        m.mutationId,
        'attachment.uploadOnly',
        'attachments are added by uploading the file (POST /cases/{id}/attachments)',
      );
    }
    const actor: Actor = { id: actorId, role: 'agent', municipalityIds: [] };
    const verdict = checkChange(current, m.change, actor, { municipalities: this.municipalities });
    if (!verdict.ok) {
      return rejectedResult(m.mutationId, verdict.rule, verdict.message, verdict.params);
    }
    const refusal = this.refuse(current, m.change);
    if (refusal) return rejectedResult(m.mutationId, refusal, refusal);

    const decision = decideFieldConflicts(
      current,
      m,
      { actorId, deviceId },
      this.fieldWriters(current, fieldsAtStake(current, m)),
    );
    if (!decision.change) return conflictResult(m.mutationId, decision.conflicts);
    // The case's clock follows when the work was done (offline: the client's time), never
    // later than the server's.
    const now = this.now();
    const happenedAt = Date.parse(m.clientAt) < Date.parse(now) ? m.clientAt : now;
    const event = this.record(
      m.caseId,
      decision.change,
      actorId,
      deviceId,
      m.mutationId,
      now,
      happenedAt,
      m.clientAt,
    );
    return appliedResult(m.mutationId, event.seq, decision.conflicts);
  }

  /** Who wrote each field, from the events at the case's field versions (as the server). */
  private fieldWriters(
    current: CaseRecord | null,
    fields: readonly ConflictField[],
  ): Map<ConflictField, FieldWriter> {
    const writers = new Map<ConflictField, FieldWriter>();
    for (const field of fields) {
      const event = this.events.find((e) => e.seq === current?.fieldVersions[field]);
      if (event)
        writers.set(field, { actorId: event.actorId, deviceId: event.deviceId, at: event.at });
    }
    return writers;
  }

  private caseNumber(at: string): string {
    const year = new Intl.DateTimeFormat('en', { timeZone: this.timeZone, year: 'numeric' }).format(
      new Date(at),
    );
    const n = (this.numbers.get(year) ?? 0) + 1;
    this.numbers.set(year, n);
    return `${year}-${String(n).padStart(5, '0')}`;
  }

  private record(
    caseId: string,
    change: CaseChange,
    actorId: string,
    deviceId: string,
    mutationId: string | null,
    at: string,
    happenedAt: string,
    clientAt = at,
  ): CaseEvent {
    this.seq += 1;
    const current = this.cases.get(caseId) ?? null;
    let next = applyChange(current, change, {
      caseId,
      at: happenedAt,
      actorId,
      // Every actor of this stand-in server works for the service.
      actorRole: 'agent',
      seq: this.seq,
    });
    if (!current) next = { ...next, number: this.caseNumber(at) };
    this.cases.set(caseId, next);
    const event: CaseEvent = {
      id: `00000000-0000-4000-8000-${this.seq.toString(16).padStart(12, '0')}`,
      caseId,
      seq: this.seq,
      at,
      clientAt,
      actorId,
      deviceId,
      mutationId,
      change,
    };
    this.events.push(event);
    return event;
  }
}
