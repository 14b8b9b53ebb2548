import {
  applyChange,
  type CaseChange,
  type CaseChangeInput,
  type CaseEvent,
  type CaseRecord,
  type ConflictField,
  caseChangeSchema,
  conflictingFields,
  fieldsWrittenBy,
} from '../../../core/case/index';
import type {
  FieldConflict,
  LiveEvent,
  Mutation,
  MutationResult,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../core/sync/index';
import type { SyncTransport } from './sync-transport';

/**
 * A server in memory with the sync protocol's semantics (idempotent push, one global
 * sequence, per-field conflicts, paged pull, live pokes), for unit tests of the engine.
 * The integration tests and the convergence run use the real server instead.
 */
export class InMemorySyncServer {
  readonly cases = new Map<string, CaseRecord>();
  readonly events: CaseEvent[] = [];
  /** Results by mutation id: pushing the same mutation again returns the same result. */
  readonly results = new Map<string, MutationResult>();
  /** Which device last wrote each field of each case (a device never conflicts with itself). */
  private readonly fieldWriters = new Map<string, string>();
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private seq = 0;
  private numbers = 0;
  /** Changes this server refuses, like a rule would (for tests). */
  refuse: (record: CaseRecord | null, change: CaseChange) => string | null = () => null;

  constructor(private readonly clock: () => Date = () => new Date('2026-11-24T12:00:00Z')) {}

  get cursor(): number {
    return this.seq;
  }

  push(request: PushRequest, actorId = 'server-actor'): PushResponse {
    const results = request.mutations.map((m) => {
      const known = this.results.get(m.mutationId);
      if (known) return known;
      const result = this.applyMutation(m, request.deviceId, actorId);
      this.results.set(m.mutationId, result);
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

  /** A change made on the server itself (another agent, the portal). */
  serverChange(caseId: string, input: CaseChangeInput, actorId = 'agent-server'): CaseEvent {
    const change = caseChangeSchema.parse(input);
    const event = this.record(caseId, change, actorId, 'server-device', null, this.now());
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

  private applyMutation(m: Mutation, deviceId: string, actorId: string): MutationResult {
    const base = { mutationId: m.mutationId, conflicts: [], reason: null, rule: null };
    const current = this.cases.get(m.caseId) ?? null;
    if (m.change.type === 'created' && current) {
      return {
        ...base,
        status: 'rejected',
        seq: null,
        reason: 'case id already used',
        rule: 'case.exists',
      };
    }
    if (m.change.type !== 'created' && !current) {
      return {
        ...base,
        status: 'rejected',
        seq: null,
        reason: 'no such case',
        rule: 'case.notFound',
      };
    }
    const refusal = this.refuse(current, m.change);
    if (refusal) return { ...base, status: 'rejected', seq: null, reason: refusal, rule: refusal };

    let change = m.change;
    let conflicts: FieldConflict[] = [];
    if (current) {
      const lost = conflictingFields(current, m.change, m.baseVersion).filter(
        (f) => this.fieldWriters.get(`${m.caseId}:${f}`) !== deviceId,
      );
      conflicts = lost.map((field) => this.conflictOf(current, field, m.change));
      const written = fieldsWrittenBy(m.change);
      if (lost.length > 0) {
        if (change.type === 'fieldsChanged' && lost.length < written.length) {
          const changes = { ...change.changes };
          for (const field of lost) delete changes[field as keyof typeof changes];
          change = { ...change, changes };
        } else {
          return { ...base, status: 'conflict', seq: null, conflicts };
        }
      }
    }
    const event = this.record(m.caseId, change, actorId, deviceId, m.mutationId, m.clientAt);
    return { ...base, status: 'applied', seq: event.seq, conflicts };
  }

  private conflictOf(current: CaseRecord, field: ConflictField, change: CaseChange): FieldConflict {
    const after = applyChange(current, change, {
      caseId: current.id,
      at: current.updatedAt,
      actorId: 'x',
      actorRole: 'agent',
      seq: 0,
    });
    const writer = [...this.events]
      .reverse()
      .find((e) => e.caseId === current.id && fieldsWrittenBy(e.change).includes(field));
    return {
      field,
      yourValue: after[field],
      serverValue: current[field],
      serverChangedBy: writer?.actorId ?? null,
      serverChangedAt: writer?.at ?? null,
    };
  }

  private record(
    caseId: string,
    change: CaseChange,
    actorId: string,
    deviceId: string,
    mutationId: string | null,
    clientAt: string,
  ): CaseEvent {
    this.seq += 1;
    const at = this.now();
    let next = applyChange(this.cases.get(caseId) ?? null, change, {
      caseId,
      at,
      actorId,
      // Every actor of this stand-in server works for the service.
      actorRole: 'agent',
      seq: this.seq,
    });
    if (change.type === 'created') {
      this.numbers += 1;
      next = { ...next, number: `2026-${String(this.numbers).padStart(5, '0')}` };
    }
    this.cases.set(caseId, next);
    for (const field of fieldsWrittenBy(change))
      this.fieldWriters.set(`${caseId}:${field}`, deviceId);
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
