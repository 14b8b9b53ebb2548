import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the UI shows about sync, everywhere: online or not, changes waiting, last synced, errors. */
export interface SyncStatus {
  /** The server answered the last request (false while unreachable or before the first try). */
  online: boolean;
  /** The live event stream is connected. */
  liveConnected: boolean;
  /** A push or pull is running. */
  syncing: boolean;
  /** Local changes the server has not accepted yet ("n changes waiting"). */
  pendingCount: number;
  /** Local changes the server refused (shown with its reasons until dismissed). */
  rejectedCount: number;
  /** Conflicts still open (values of this user that lost). */
  openConflictCount: number;
  /** Last time a full push and pull succeeded (ISO), from the store, so it survives restarts. */
  lastSyncedAt: string | null;
  /** Last failure, for the user; null after a success. */
  lastError: string | null;
  /** When the next retry is due after a failure (ISO). */
  nextRetryAt: string | null;
  /** The server refused the token: the user must sign in again (nothing is dropped). */
  signInRequired: boolean;
  /**
   * How far a long pull has come, 0–1 (a first sync of thousands of cases); null when no pull
   * of several pages is running.
   */
  pullProgress: number | null;
}

export const initialSyncStatus: SyncStatus = {
  online: false,
  liveConnected: false,
  syncing: false,
  pendingCount: 0,
  rejectedCount: 0,
  openConflictCount: 0,
  lastSyncedAt: null,
  lastError: null,
  nextRetryAt: null,
  signInRequired: false,
  pullProgress: null,
};

export type SyncStatusStore = StoreApi<SyncStatus>;

export function createSyncStatusStore(): SyncStatusStore {
  return createStore<SyncStatus>()(() => ({ ...initialSyncStatus }));
}

/** React binding: `useSyncStatus(engine.status, (s) => s.pendingCount)`. */
export function useSyncStatus<T>(store: SyncStatusStore, select: (status: SyncStatus) => T): T {
  return useStore(store, select);
}
