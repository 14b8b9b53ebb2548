import type { CaseRecord } from '@core/case/index';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CaseSearchIndex,
  caseSearchIndexOf,
  createCaseSearchIndex,
  releaseCaseSearchIndex,
} from './case-search-index';
import type { LocalCase } from './local-records';
import { SaksbordDb } from './saksbord-db';
import { serverCase, uniqueDbName } from './test-fixtures';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function localCase(n: number, over: Partial<CaseRecord> = {}): LocalCase {
  return {
    ...serverCase({
      id: id(n),
      number: `2026-${String(n).padStart(5, '0')}`,
      updatedAt: `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`,
      ...over,
    }),
    pendingCount: 0,
    rejectedCount: 0,
    provisionalNumber: null,
    server: null,
  };
}

const requester = (name: string, municipalityId = 'molde') => ({
  name,
  contact: '',
  municipalityId,
  unit: '',
  userId: null,
});

let db: SaksbordDb;
let index: CaseSearchIndex;
beforeEach(async () => {
  db = new SaksbordDb(uniqueDbName('search'));
  await db.cases.bulkPut([
    localCase(1, { title: 'Skrivaren skriv ikkje ut', requester: requester('Kari Nordmann') }),
    localCase(2, { title: 'Nettverket er nede', requester: requester('Ola Hansen') }),
    localCase(3, { title: 'Skrivar på rådhuset', requester: requester('Kari Nordmann') }),
    localCase(4, { title: 'Passord gløymt', requester: requester('Kari Nordmann', 'aukra') }),
    localCase(5, { title: 'E-post', requester: requester('Per Skrivarvik') }),
    localCase(6, { title: 'Telefon', requester: requester('Anne Li') }),
    localCase(7, { title: 'Fagsystem', requester: requester('Anne Li') }),
  ]);
  // Pages of three: the seven cases load in three reads.
  index = createCaseSearchIndex(db, { pageSize: 3 });
  await index.ready;
});
afterEach(async () => {
  index.stop();
  db.close();
  await Dexie.delete(db.name);
});

/** Waits until the index has taken in the next change. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const off = index.subscribe(() => {
      off();
      resolve();
    });
  });
}

describe('the case search index', () => {
  it.each([
    ['a word of the title, any case', 'SKRIVAR', [5, 3, 1]],
    ['a part of the case number', '2026-00002', [2]],
    ['the requester name', 'anne', [7, 6]],
    ['one letter (too short)', 's', []],
    ['nothing that matches', 'ukjend', []],
  ])('finds by %s, newest first', (_what, query, expected) => {
    expect(index.findCases(query).map((e) => e.id)).toEqual(expected.map(id));
  });

  it('leaves out the case being edited and stops at the limit', () => {
    expect(index.findCases('skrivar', { excludeId: id(5), limit: 1 }).map((e) => e.id)).toEqual([
      id(3),
    ]);
  });

  it('finds each earlier requester once per municipality', () => {
    expect(index.findRequesters('kari').map((r) => `${r.name}/${r.municipalityId}`)).toEqual([
      'Kari Nordmann/aukra',
      'Kari Nordmann/molde',
    ]);
  });

  it('follows cases written and deleted after loading', async () => {
    let changed = nextChange();
    await db.cases.put(localCase(8, { title: 'Skrivar i kjellaren' }));
    await changed;
    expect(index.findCases('kjellaren').map((e) => e.id)).toEqual([id(8)]);
    changed = nextChange();
    await db.cases.delete(id(8));
    await changed;
    expect(index.findCases('kjellaren')).toEqual([]);
  });

  it('reloads everything when the table is cleared', async () => {
    const changed = nextChange();
    await db.cases.clear();
    await changed;
    await index.ready;
    expect(index.findCases('skrivar')).toEqual([]);
  });

  it('is one index per store until the store is released at sign-out', async () => {
    const shared = caseSearchIndexOf(db);
    expect(caseSearchIndexOf(db)).toBe(shared);
    await shared.ready;
    releaseCaseSearchIndex(db);
    await db.cases.put(localCase(9, { title: 'Etter utlogging' }));
    expect(shared.findCases('utlogging')).toEqual([]);
    const fresh = caseSearchIndexOf(db);
    expect(fresh).not.toBe(shared);
    await fresh.ready;
    expect(fresh.findCases('utlogging').map((e) => e.id)).toEqual([id(9)]);
    releaseCaseSearchIndex(db);
  });

  describe('full-text search', () => {
    const staff = { staff: true, slaOf: () => null };
    const ids = (r: { hits: { case: { id: string } }[] }) => r.hits.map((h) => h.case.id);

    it('finds Nynorsk and Bokmål forms, title matches first, with snippets', () => {
      // The word being typed is also a prefix: "Per Skrivarvik" (a requester) comes last.
      const found = index.search('skriverne', {}, staff);
      expect(ids(found)).toEqual([id(3), id(1), id(5)]);
      expect(ids(index.search('skriverne ', {}, staff))).toEqual([id(3), id(1)]);
      expect(found.hits[0]!.snippets[0]).toEqual({
        field: 'title',
        pieces: [
          { text: 'Skrivar', hit: true },
          { text: ' på rådhuset', hit: false },
        ],
      });
      expect(ids(index.search('radhuset skrivar', {}, staff))).toEqual([id(3)]);
    });

    it('filters, and lists by the filters alone when the query is empty', () => {
      expect(ids(index.search('passord', { municipality: ['molde'] }, staff))).toEqual([]);
      expect(index.search('', { municipality: ['aukra'] }, staff).total).toBe(1);
    });

    it('finds comments once their events are stored; internal ones only for staff', async () => {
      const changed = nextChange();
      await db.eventChunks.add({
        kind: 'case',
        caseIds: [id(6), id(7)],
        lastAt: '2026-11-20T08:00:00.000Z',
        events: [
          {
            id: 'e1',
            caseId: id(6),
            seq: 1,
            at: '2026-11-20T08:00:00.000Z',
            clientAt: '2026-11-20T08:00:00.000Z',
            actorId: 'a',
            deviceId: 'd',
            mutationId: null,
            change: {
              type: 'commented',
              commentId: id(100),
              body: 'Bytta printaren',
              visibility: 'requester',
            },
          },
          {
            id: 'e2',
            caseId: id(7),
            seq: 2,
            at: '2026-11-20T08:00:00.000Z',
            clientAt: '2026-11-20T08:00:00.000Z',
            actorId: 'a',
            deviceId: 'd',
            mutationId: null,
            change: {
              type: 'commented',
              commentId: id(101),
              body: 'Hemmeleg brannmur',
              visibility: 'internal',
            },
          },
        ],
      });
      await changed;
      const printer = index.search('printar', {}, staff);
      expect(ids(printer)).toEqual([id(6)]);
      expect(printer.hits[0]!.snippets[0]!.field).toBe('comment');
      expect(ids(index.search('brannmur', {}, staff))).toEqual([id(7)]);
      expect(ids(index.search('brannmur', {}, { ...staff, staff: false }))).toEqual([]);
    });
  });
});
