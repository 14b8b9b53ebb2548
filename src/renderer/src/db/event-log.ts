import type { CaseEvent } from '@core/case/index';
import { Dexie } from 'dexie';
import type { EventChunk, EventChunkKind } from './local-records';
import type { SaksbordDb } from './saksbord-db';

/**
 * The server events this client holds, stored in chunks rather than one IndexedDB record per
 * event.
 *
 * Why: in Chromium every record written costs about 50–100 µs whatever its size (one request
 * to the browser process and one LevelDB entry per record and per index), so on a first sync
 * of 50,000 cases the events alone took over five seconds. A chunk holds up to
 * `EVENTS_PER_CHUNK` events of one kind from one pull page, sorted by case, with a multi-entry
 * index on the case ids it contains; a case's history is read from the few chunks that name
 * it, and the SLA board's worklog figures from the worklog chunks of the last weeks.
 *
 * Chunks are only ever added. The same event may arrive twice (pull pages that overlap, the
 * history of a case that became visible again); readers drop repeats by event id.
 */
export const EVENTS_PER_CHUNK = 100;

/** The chunk kind an event belongs in. */
function kindOf(event: CaseEvent): EventChunkKind {
  return event.change.type === 'worklogAdded' ? 'worklog' : 'case';
}

/**
 * Splits events into chunks: worklog entries apart from the rest, each sorted by case, then
 * sequence, so one case's run stays together.
 */
export function chunkEvents(events: readonly CaseEvent[]): EventChunk[] {
  const chunks: EventChunk[] = [];
  for (const kind of ['case', 'worklog'] as const) {
    const sorted = events
      .filter((e) => kindOf(e) === kind)
      .sort((a, b) => (a.caseId === b.caseId ? a.seq - b.seq : a.caseId < b.caseId ? -1 : 1));
    for (let i = 0; i < sorted.length; i += EVENTS_PER_CHUNK) {
      const slice = sorted.slice(i, i + EVENTS_PER_CHUNK);
      let lastAt = slice[0]!.at;
      for (const e of slice) if (e.at > lastAt) lastAt = e.at;
      chunks.push({
        kind,
        caseIds: [...new Set(slice.map((e) => e.caseId))],
        lastAt,
        events: slice,
      });
    }
  }
  return chunks;
}

/** Stores events (call inside a transaction that includes `eventChunks`). */
export async function appendEvents(db: SaksbordDb, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.eventChunks.bulkAdd(chunkEvents(events));
}

/** Events without repeats (by id), in sequence order. */
function distinctInSeqOrder(events: Iterable<CaseEvent>): CaseEvent[] {
  const byId = new Map<string, CaseEvent>();
  for (const e of events) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** One case's server events in sequence order. */
export async function eventsOfCase(db: SaksbordDb, caseId: string): Promise<CaseEvent[]> {
  const chunks = await db.eventChunks.where('caseIds').equals(caseId).toArray();
  return distinctInSeqOrder(chunks.flatMap((c) => c.events.filter((e) => e.caseId === caseId)));
}

/** Worklog events recorded at or after `since` (ISO instant), in sequence order. */
export async function worklogEventsSince(db: SaksbordDb, since: string): Promise<CaseEvent[]> {
  const chunks = await db.eventChunks
    .where('[kind+lastAt]')
    .between(['worklog', since], ['worklog', Dexie.maxKey], true, true)
    .toArray();
  return distinctInSeqOrder(chunks.flatMap((c) => c.events.filter((e) => e.at >= since)));
}

/** How many distinct server events this client holds. */
export async function countEvents(db: SaksbordDb): Promise<number> {
  const ids = new Set<string>();
  await db.eventChunks.each((chunk) => {
    for (const e of chunk.events) ids.add(e.id);
  });
  return ids.size;
}
