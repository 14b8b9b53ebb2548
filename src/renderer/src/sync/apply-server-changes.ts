import type { CaseRecord } from '@core/case/index';
import {
  cursorHasPassed,
  type FieldConflict,
  type MutationResult,
  outboxDecision,
  type PullResponse,
  type ReplicaDecision,
  replicaDecision,
  serverHasCaughtUp,
} from '@core/sync/index';
import { rebuildLocalCase, serverRecordOf } from '../db/case-rebase';
import { rebuildCase } from '../db/case-repository';
import { appendEvents } from '../db/event-log';
import type { ConflictRecord, LocalCase, OutboxItem } from '../db/local-records';
import { outboxItemsOfCases } from '../db/outbox-reads';
import { readSyncState, type SaksbordDb } from '../db/saksbord-db';

/**
 * How server answers change the local store, each in one transaction: push results (what
 * became of each mutation) and pull pages (the server's events and current records, with the
 * client's own unsynced edits rebased on top).
 */

/** Records what became of each pushed mutation (in bulk, like `applyPullPage`). */
export async function applyPushResults(
  db: SaksbordDb,
  batch: readonly OutboxItem[],
  results: readonly MutationResult[],
  now: Date,
): Promise<void> {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  const detectedAt = now.toISOString();
  await db.transaction('rw', [db.outbox, db.cases, db.conflicts], async () => {
    const caseIds = [...new Set(batch.map((item) => item.caseId))];
    const [currents, locals] = await Promise.all([
      db.outbox.bulkGet(batch.map((item) => item.order!)),
      db.cases.bulkGet(caseIds),
    ]);
    const localById = new Map(caseIds.map((id, i) => [id, locals[i]]));
    const touched = new Set<string>();
    const updated: OutboxItem[] = [];
    const done: number[] = [];
    const conflicts = new Map<string, ConflictRecord>();
    for (const [i, item] of batch.entries()) {
      const result = byId.get(item.mutationId);
      const current = currents[i];
      if (!current) continue;
      touched.add(item.caseId);
      for (const c of result?.conflicts ?? []) {
        const record = conflictRecord(item, c, detectedAt);
        if (!conflicts.has(record.id)) conflicts.set(record.id, record);
      }
      const decision = outboxDecision(result, serverRecordOf(localById.get(item.caseId)));
      switch (decision.kind) {
        case 'retry':
          updated.push({ ...current, state: 'pending' });
          break;
        case 'rejected':
          updated.push({
            ...current,
            state: 'rejected',
            rejectionReason: decision.reason,
            rejectionRule: decision.rule,
            rejectionParams: decision.params,
            lastError: result?.reason ?? null,
          });
          break;
        case 'done':
          done.push(item.order!);
          break;
        case 'acknowledged':
          updated.push({ ...current, state: 'acknowledged', seq: decision.seq });
          break;
      }
    }
    if (conflicts.size > 0) {
      // Keep the user's decision if this answer was received before.
      const ids = [...conflicts.keys()];
      const known = await db.conflicts.bulkGet(ids);
      const fresh = ids.filter((_, i) => !known[i]).map((id) => conflicts.get(id)!);
      if (fresh.length > 0) await db.conflicts.bulkAdd(fresh);
    }
    if (updated.length > 0) await db.outbox.bulkPut(updated);
    if (done.length > 0) await db.outbox.bulkDelete(done);
    const ids = [...touched];
    const items = await outboxItemsOfCases(db, ids);
    await writeRebuiltCases(
      db,
      new Map(ids.map((id) => [id, serverRecordOf(localById.get(id))])),
      groupByCase(items),
    );
  });
}

/**
 * Applies one pull page. The page's cases are read, rebased and written in bulk (a handful of
 * IndexedDB requests per page rather than several per case: in Chromium every request is a
 * round trip to the browser process, which made a 1,000-case page take over a second).
 *
 * `after` is the cursor the page was requested after, when known. If the store's cursor is
 * still there, no page applied so far went past it, so a case created in this page cannot be
 * stored here yet unless this client created it (then the outbox names it): such cases are
 * not read before they are written. On a first sync that is every case (a fifth of the time).
 */
export async function applyPullPage(
  db: SaksbordDb,
  page: PullResponse,
  after?: number,
): Promise<ReplicaDecision> {
  return db.transaction('rw', [db.cases, db.eventChunks, db.outbox, db.syncState], async () => {
    const state = await readSyncState(db);
    if (replicaDecision(state, page.epoch) === 'refetch') {
      // Records were corrected on the server without new events: start again from the
      // first event. The events held are dropped (they all come again); the cases and the
      // outbox stay, and every case is overwritten by the server's record as it arrives.
      await db.eventChunks.clear();
      await db.syncState.put({ ...state, cursor: 0, epoch: page.epoch });
      return 'refetch';
    }
    await appendEvents(db, page.events);
    const ids = page.cases.map((record) => record.id);
    const items = await outboxItemsOfCases(db, ids);
    const itemsByCase = groupByCase(items);
    const unseen = after !== undefined && state.cursor === after ? createdAfter(page, after) : null;
    const toRead = unseen ? ids.filter((id) => !unseen.has(id) || itemsByCase.has(id)) : ids;
    const read = toRead.length > 0 ? await db.cases.bulkGet(toRead) : [];
    const readById = new Map(toRead.map((id, i) => [id, read[i]]));
    const locals = ids.map((id) => readById.get(id));
    const done: number[] = [];
    const servers = new Map<string, CaseRecord>();
    for (const [i, record] of page.cases.entries()) {
      const local = locals[i];
      // Never go back in time: a record older than the one held (pages can overlap) is skipped.
      const held = serverRecordOf(local);
      const server = held && held.version > record.version ? held : record;
      servers.set(record.id, server);
      const own = itemsByCase.get(record.id) ?? [];
      const kept = own.filter((item) => {
        const caughtUp = serverHasCaughtUp(item, server);
        if (caughtUp) done.push(item.order!);
        return !caughtUp;
      });
      itemsByCase.set(record.id, kept);
    }
    if (done.length > 0) await db.outbox.bulkDelete(done);
    await writeRebuiltCases(db, servers, itemsByCase);
    // Acknowledged mutations whose events this pull has passed (their cases may be out of
    // this user's sight now): the server holds them; stop showing them as local.
    const passed = await db.outbox
      .where('[state+order]')
      .between(['acknowledged', 0], ['acknowledged', Infinity])
      .filter((item) => cursorHasPassed(item, page.cursor))
      .toArray();
    for (const item of passed) {
      await db.outbox.delete(item.order!);
      if (!servers.has(item.caseId)) {
        const local = await db.cases.get(item.caseId);
        await rebuildCase(db, item.caseId, serverRecordOf(local));
      }
    }
    await db.syncState.put({
      ...state,
      cursor: Math.max(state.cursor, page.cursor),
      ...(page.epoch !== undefined ? { epoch: page.epoch } : {}),
    });
    return 'apply';
  });
}

/** Cases whose creation is in the page, after `after`. */
function createdAfter(page: PullResponse, after: number): Set<string> {
  const ids = new Set<string>();
  for (const e of page.events) if (e.change.type === 'created' && e.seq > after) ids.add(e.caseId);
  return ids;
}

/** Outbox items by case, each case's in outbox order. */
function groupByCase(items: readonly OutboxItem[]): Map<string, OutboxItem[]> {
  const byCase = new Map<string, OutboxItem[]>();
  for (const item of [...items].sort((a, b) => a.order! - b.order!)) {
    const list = byCase.get(item.caseId);
    if (list) list.push(item);
    else byCase.set(item.caseId, [item]);
  }
  return byCase;
}

/**
 * `rebuildCase` for many cases at once: each case of `servers` from its server record and its
 * outbox items (`itemsByCase`, in outbox order), written with one bulkPut and one bulkDelete.
 */
async function writeRebuiltCases(
  db: SaksbordDb,
  servers: ReadonlyMap<string, CaseRecord | null>,
  itemsByCase: ReadonlyMap<string, readonly OutboxItem[]>,
): Promise<void> {
  const puts: LocalCase[] = [];
  const gone: string[] = [];
  for (const [caseId, server] of servers) {
    const next = rebuildLocalCase(caseId, server, itemsByCase.get(caseId) ?? []);
    if (next) puts.push(next);
    else gone.push(caseId);
  }
  if (puts.length > 0) await db.cases.bulkPut(puts);
  if (gone.length > 0) await db.cases.bulkDelete(gone);
}

function conflictRecord(item: OutboxItem, c: FieldConflict, detectedAt: string): ConflictRecord {
  return {
    // Deterministic, so the same answer received twice stores one record.
    id: `${item.mutationId}:${c.field}`,
    caseId: item.caseId,
    mutationId: item.mutationId,
    change: item.mutation.change,
    field: c.field,
    yourValue: c.yourValue,
    serverValue: c.serverValue,
    serverChangedBy: c.serverChangedBy,
    serverChangedAt: c.serverChangedAt,
    detectedAt,
    state: 'open',
  };
}
