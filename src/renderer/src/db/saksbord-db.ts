import type { CaseEvent } from '@core/case/index';
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { chunkEvents } from './event-log';
import type {
  ConflictRecord,
  EventChunk,
  LocalCase,
  OutboxItem,
  SessionRow,
  SettingRow,
  SyncStateRow,
} from './local-records';

/**
 * One schema version: the Dexie store declarations (only the tables that change need to be
 * named; Dexie carries the others over) and an optional data upgrade from the version before.
 * Versions are never edited once shipped; a change is a new entry here plus a test that opens
 * a database written at the version before (see saksbord-db.test.ts).
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Indexed for the board (line and status columns), its filters and sorting.
      cases:
        'id, number, line, status, priority, requester.municipalityId, assigneeId, updatedAt, [line+status], pendingCount',
      events: 'id, caseId, seq, [caseId+seq], mutationId',
      // `order` keeps the outbox first in, first out; mutationId is the idempotency key.
      outbox: '++order, &mutationId, caseId, state',
      syncState: 'id',
      conflicts: 'id, caseId, [caseId+state], state, mutationId',
      settings: 'key',
      session: 'id',
    },
  },
  {
    // The sync engine takes the oldest pending items a batch at a time; without this index it
    // scanned the whole outbox (days of offline work) for every batch.
    version: 2,
    stores: { outbox: '++order, &mutationId, caseId, state, [state+order]' },
  },
  {
    // A first sync of 50,000 cases took 17 s, nearly all of it IndexedDB writes, which in
    // Chromium cost per record and per index entry. So: events move into chunks (one record
    // per hundred events, see event-log.ts), and cases keep only the indexes something queries:
    // [status+line] (board columns, a line's queue; see case-queries.ts), priority (critical
    // alerts), updatedAt (the SLA board). Nine indexes became three.
    version: 3,
    stores: {
      cases: 'id, [status+line], priority, updatedAt',
      eventChunks: '++id, *caseIds, [kind+lastAt]',
    },
    upgrade: async (tx) => {
      const events = (await tx.table('events').toArray()) as CaseEvent[];
      const chunks = events.length > 0 ? chunkEvents(events) : [];
      if (chunks.length > 0) await tx.table('eventChunks').bulkAdd(chunks);
    },
  },
  {
    // The per-event table, emptied into chunks by version 3 (Dexie lets an upgrade read a
    // table only if a later version deletes it).
    version: 4,
    stores: { events: null },
  },
];

export const currentSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version;

/** The local store: IndexedDB through Dexie, the app's truth while offline. */
export class SaksbordDb extends Dexie {
  cases!: EntityTable<LocalCase, 'id'>;
  eventChunks!: EntityTable<EventChunk, 'id'>;
  outbox!: EntityTable<OutboxItem, 'order'>;
  syncState!: EntityTable<SyncStateRow, 'id'>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  session!: EntityTable<SessionRow, 'id'>;

  /**
   * @param name the IndexedDB database name: one per signed-in server and user in the app,
   *   a fresh one per test or simulated client.
   * @param upTo declare only the versions up to this one (for upgrade tests).
   */
  constructor(name: string, options: { upTo?: number } = {}) {
    super(name);
    for (const v of schemaVersions) {
      if (options.upTo !== undefined && v.version > options.upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

/** The empty sync state of a store that has never synced. */
export const initialSyncState: SyncStateRow = {
  id: 'main',
  cursor: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
};

export async function readSyncState(db: SaksbordDb): Promise<SyncStateRow> {
  return (await db.syncState.get('main')) ?? initialSyncState;
}
