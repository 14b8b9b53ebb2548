import type { CaseRecord } from '@core/case/index';
import type { Actor } from '@core/rules/index';
import { checkChange, roleSchema } from '@core/rules/index';
import { type ApiClient, createApiClient } from '@web/api/index';
import { type CaseRepository, createCaseRepository } from '../db/case-repository';
import { releaseCaseSearchIndex } from '../db/case-search-index';
import { SaksbordDb } from '../db/saksbord-db';
import { useDirectoryStore } from '../stores/directory-store';
import { useServerDataRefresh } from '../stores/server-data-refresh';
import { useServiceConfigStore } from '../stores/service-config-store';
import { createHttpTransport } from '../sync/http-transport';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { localAssigneeLookup } from './local-assignees';
import type { ActiveSession } from './session-api';

/** Everything a signed-in workstation runs on: the user's local store, its repository, sync. */
export interface Workstation {
  session: ActiveSession;
  actor: Actor;
  db: SaksbordDb;
  repo: CaseRepository;
  engine: SyncEngine;
  /** The server's API as this user (the one client; sync has its own transport over it). */
  api: ApiClient;
  deviceId: string;
  /** Stops sync and closes the store. */
  close(): Promise<void>;
}

/** The rules' view of the signed-in user. */
export function actorOf(session: ActiveSession): Actor {
  const role = roleSchema.catch('agent').parse(session.row.user.roles[0]);
  return { id: session.row.user.id, role, municipalityIds: session.row.user.municipalityIds };
}

export function openWorkstation(
  session: ActiveSession,
  deviceId: string,
  onCritical: (record: CaseRecord) => void,
): Workstation {
  const db = new SaksbordDb(session.dbName);
  const actor = actorOf(session);
  const repo = createCaseRepository(db, {
    deviceId,
    getActor: () => actor,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    // The same rules the server applies, so a refused move is explained at once.
    checkChange: (current, change, who) =>
      checkChange(current, change, who, {
        municipalities: useServiceConfigStore.getState().config.municipalities,
        users: localAssigneeLookup(change, actor, useDirectoryStore.getState().staff),
      }),
  });
  const transport = createHttpTransport({
    baseUrl: session.serverUrl,
    getToken: () => session.row.token,
  });
  const engine = createSyncEngine({
    db,
    transport,
    deviceId,
    now: () => new Date(),
    random: Math.random,
    schedule: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    onCritical,
    onSettingsChanged: () => useServerDataRefresh.getState().refresh(),
    pollIntervalMs: 30_000,
  });
  const onOnline = () => engine.setNetworkAvailable(true);
  const onOffline = () => engine.setNetworkAvailable(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) engine.setNetworkAvailable(false);
  void engine.start();
  const api = createApiClient({
    baseUrl: session.serverUrl,
    getToken: () => session.row.token,
  });
  return {
    session,
    actor,
    db,
    repo,
    engine,
    api,
    deviceId,
    async close() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      await engine.stop();
      releaseCaseSearchIndex(db);
      db.close();
    },
  };
}
