/**
 * Which critical cases this device has already notified about, kept across sign-ins (in
 * localStorage, which is per device). Without it every sign-in, and every fresh start of the
 * alert list, sent an OS notification again for every older unacknowledged critical case.
 */

/** The part of `Storage` the log needs (a fake in tests). */
export type NotifiedStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface NotifiedLog {
  /** When this device last notified about `caseId` (epoch ms), or null if it never did. */
  lastNotifiedAt(caseId: string): number | null;
  /** Records that these cases were just notified. */
  record(caseIds: readonly string[], at: number): void;
}

const storageKey = 'saksbord.notifiedCritical';
/** Entries older than this are dropped; a critical case is acknowledged long before. */
const keepMs = 14 * 24 * 3600_000;

function read(storage: NotifiedStorage): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([, at]) => typeof at === 'number' && Number.isFinite(at)),
    ) as Record<string, number>;
  } catch {
    return {}; // unreadable: forget it rather than fail the alerts
  }
}

export function createNotifiedLog(storage: NotifiedStorage | null): NotifiedLog {
  // Without storage (a test, a locked-down browser) the log lives as long as the page.
  let memory: Record<string, number> = storage ? read(storage) : {};
  return {
    lastNotifiedAt: (caseId) => (storage ? read(storage) : memory)[caseId] ?? null,
    record(caseIds, at) {
      if (caseIds.length === 0) return;
      const log = storage ? read(storage) : memory;
      for (const id of caseIds) log[id] = at;
      for (const [id, when] of Object.entries(log)) if (at - when > keepMs) delete log[id];
      memory = log;
      try {
        storage?.setItem(storageKey, JSON.stringify(log));
      } catch {
        // storage full or denied: the alerts still work for this page
      }
    },
  };
}

/** The log of this device (localStorage), or one in memory where there is none. */
export function deviceNotifiedLog(): NotifiedLog {
  let storage: NotifiedStorage | null = null;
  try {
    storage = globalThis.localStorage ?? null;
  } catch {
    storage = null;
  }
  return createNotifiedLog(storage);
}
