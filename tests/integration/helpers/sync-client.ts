/**
 * A workstation's sync engine for tests against a real server: real HTTP on loopback, short
 * retry and push delays, no polling (tests call `syncNow`).
 */
import type { CaseRecord } from '@core/case/index';
import type { SaksbordDb } from '../../../src/renderer/src/db/saksbord-db';
import { createHttpTransport } from '../../../src/renderer/src/sync/http-transport';
import { createSyncEngine, type SyncEngine } from '../../../src/renderer/src/sync/sync-engine';

export function testSyncEngine(
  db: SaksbordDb,
  server: { url: string; token: string },
  deviceId: string,
  onCritical?: (record: CaseRecord) => void,
): SyncEngine {
  return createSyncEngine({
    db,
    transport: createHttpTransport({ baseUrl: server.url, getToken: () => server.token }),
    deviceId,
    now: () => new Date(),
    random: Math.random,
    schedule: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    ...(onCritical ? { onCritical } : {}),
    retryBaseMs: 50,
    pollIntervalMs: 0,
    pushDelayMs: 10,
  });
}
