/**
 * Seeds the app's local store directly in IndexedDB, as a finished sync would leave it, with a
 * team leader signed in against a server that does not answer: only the seed is shown, and the
 * app must work offline. Used by the seeded SLA board test and the SLA board benchmark.
 */
import type { Page } from '@playwright/test';
import type { CaseEvent } from '../../src/core/case/index';
import { chunkEvents } from '../../src/renderer/src/db/event-log';

export interface OfflineStoreSeed {
  dbName: string;
  /** Staff names the app shows (`saksbord.staff`). */
  staff: unknown[];
  /** Local case rows (as `rebuildLocalCase` makes them, or older rows). */
  cases: unknown[];
  events: CaseEvent[];
  /** When the seeded session signed in and last synced (ISO). */
  syncedAt: string;
  language?: 'nn' | 'nb' | 'en';
}

/** With the page on the app's origin: lets the app create its store, then fills it. */
export async function seedOfflineStore(page: Page, seed: OfflineStoreSeed): Promise<void> {
  await page.evaluate(
    ({ dbName, language, staff }) => {
      localStorage.setItem(
        'saksbord.lastSession',
        JSON.stringify({ serverUrl: 'http://127.0.0.1:9', dbName }),
      );
      localStorage.setItem('saksbord.staff', JSON.stringify(staff));
      localStorage.setItem(
        'saksbord.language',
        JSON.stringify({ state: { locale: language }, version: 0 }),
      );
    },
    { dbName: seed.dbName, language: seed.language ?? 'nn', staff: seed.staff },
  );
  await page.reload();
  // restoreSession opened (and so created) the store; it has no session yet.
  await page.getByLabel(/Brukarnamn|Brukernavn|User name|Username/).waitFor();
  await page.evaluate(
    async ({ dbName, cases, chunks, cursor, syncedAt }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['session', 'cases', 'eventChunks', 'syncState'], 'readwrite');
      tx.objectStore('session').put({
        id: 'current',
        token: 'offline-token',
        expiresAt: '2099-12-31T00:00:00.000Z',
        user: {
          id: 'u-leader',
          username: 'teamleiar',
          displayName: 'Tove Teamleiar',
          roles: ['teamLeader'],
          municipalityIds: [],
        },
        signedInAt: syncedAt,
      });
      for (const c of cases) tx.objectStore('cases').put(c);
      for (const chunk of chunks) tx.objectStore('eventChunks').add(chunk);
      tx.objectStore('syncState').put({
        id: 'main',
        cursor,
        lastSuccessAt: syncedAt,
        lastAttemptAt: syncedAt,
        lastError: null,
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      dbName: seed.dbName,
      cases: seed.cases,
      chunks: chunkEvents(seed.events),
      cursor: Math.max(0, ...seed.events.map((e) => e.seq)),
      syncedAt: seed.syncedAt,
    },
  );
}
