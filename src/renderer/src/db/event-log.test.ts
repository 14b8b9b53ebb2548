import type { CaseEvent } from '@core/case/index';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  chunkEvents,
  countEvents,
  EVENTS_PER_CHUNK,
  eventsOfCase,
  worklogEventsSince,
} from './event-log';
import type { SaksbordDb } from './saksbord-db';
import { freshDbPerTest } from './test-db';

const caseA = '00000000-0000-4000-8000-00000000000a';
const caseB = '00000000-0000-4000-8000-00000000000b';

/** A comment event on `caseId` with sequence `seq`, recorded `minutes` after 08:00. */
function comment(caseId: string, seq: number, minutes = seq): CaseEvent {
  const at = new Date(Date.UTC(2026, 10, 24, 8, minutes)).toISOString();
  return {
    id: `00000000-0000-4000-a000-${String(seq).padStart(12, '0')}`,
    caseId,
    seq,
    at,
    clientAt: at,
    actorId: 'agent-1',
    deviceId: 'd1',
    mutationId: null,
    change: {
      type: 'commented',
      commentId: `00000000-0000-4000-b000-${String(seq).padStart(12, '0')}`,
      body: `Kommentar ${seq}`,
      visibility: 'internal',
    },
  };
}

/** A worklog entry on `caseId` with sequence `seq`, recorded `minutes` after 08:00. */
function worklog(caseId: string, seq: number, minutes = seq): CaseEvent {
  return {
    ...comment(caseId, seq, minutes),
    change: {
      type: 'worklogAdded',
      entryId: `00000000-0000-4000-c000-${String(seq).padStart(12, '0')}`,
      minutes: 15,
      line: 1,
      note: '',
    },
  };
}

describe('chunkEvents', () => {
  it.each([
    [0, 0],
    [1, 1],
    [EVENTS_PER_CHUNK, 1],
    [EVENTS_PER_CHUNK + 1, 2],
    [EVENTS_PER_CHUNK * 3, 3],
  ])('%i events make %i chunks', (events, chunks) => {
    const list = Array.from({ length: events }, (_, i) => comment(i % 2 ? caseA : caseB, i + 1));
    const made = chunkEvents(list);
    expect(made).toHaveLength(chunks);
    expect(made.flatMap((c) => c.events)).toHaveLength(events);
  });

  it('keeps one case together, in sequence order, and names its cases and newest time', () => {
    const [chunk] = chunkEvents([comment(caseB, 3), comment(caseA, 2), comment(caseB, 1, 50)]);
    expect(chunk!.events.map((e) => [e.caseId, e.seq])).toEqual([
      [caseA, 2],
      [caseB, 1],
      [caseB, 3],
    ]);
    expect(chunk!.caseIds).toEqual([caseA, caseB]);
    expect(chunk!.lastAt).toBe('2026-11-24T08:50:00.000Z');
  });

  it('keeps worklog entries in chunks of their own', () => {
    const chunks = chunkEvents([comment(caseA, 1), worklog(caseA, 2), comment(caseB, 3)]);
    expect(chunks.map((c) => [c.kind, c.events.map((e) => e.seq)])).toEqual([
      ['case', [1, 3]],
      ['worklog', [2]],
    ]);
  });
});

describe('the event log', () => {
  const store = freshDbPerTest('event-log');
  let db: SaksbordDb;
  beforeEach(() => {
    db = store();
  });

  it("reads one case's history across chunks, in sequence order, each event once", async () => {
    const many = Array.from({ length: 250 }, (_, i) => comment(i % 5 === 0 ? caseA : caseB, i + 1));
    await appendEvents(db, many);
    // The same page again (pages may overlap) adds no events to the history.
    await appendEvents(db, many.slice(0, 20));
    const history = await eventsOfCase(db, caseA);
    expect(history.map((e) => e.seq)).toEqual(
      many.filter((e) => e.caseId === caseA).map((e) => e.seq),
    );
    expect(await countEvents(db)).toBe(250);
  });

  it('finds the worklog entries recorded at or after an instant, whatever chunk they are in', async () => {
    await appendEvents(db, [worklog(caseA, 1, 0), comment(caseB, 2, 10), worklog(caseB, 3, 10)]);
    await appendEvents(db, [worklog(caseA, 4, 20), comment(caseB, 5, 30), worklog(caseB, 6, 30)]);
    const since = await worklogEventsSince(db, '2026-11-24T08:10:00.000Z');
    expect(since.map((e) => e.seq)).toEqual([3, 4, 6]);
  });

  it('stores nothing for an empty page', async () => {
    await appendEvents(db, []);
    expect(await db.eventChunks.count()).toBe(0);
  });
});
