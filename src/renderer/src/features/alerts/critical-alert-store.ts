import type { CaseRecord } from '@core/case/index';
import { isOpenStatus } from '@core/case/index';
import { create } from 'zustand';
import { deviceNotifiedLog, type NotifiedLog } from './notified-alerts';

/** A critical case waiting for someone to take it. */
export interface ActiveAlert {
  record: CaseRecord;
  /** When this client learned of it (epoch ms). */
  raisedAt: number;
  /** When it was last shown as a notification; null until the first time. */
  lastShownAt: number | null;
}

interface CriticalAlertState {
  alerts: Record<string, ActiveAlert>;
  /** The cases this device has notified about before, across sign-ins. */
  notified: NotifiedLog;
  /** A case was created as or raised to critical (live event or local store). */
  raise: (record: CaseRecord, now: number) => void;
  /** Brings the alerts in line with the local store (`cases`: critical cases and the cases
   *  alerted on): adds unacknowledged critical cases, drops those someone acknowledged,
   *  lowered or closed. */
  reconcile: (criticalCases: readonly CaseRecord[], now: number) => void;
  /** Records that these alerts were just shown (one update for all, however many), also in
   *  the device's log. */
  markShown: (caseIds: readonly string[], now: number) => void;
  dismiss: (caseId: string) => void;
  reset: () => void;
}

/** Does this case still need an alert? Critical, open, and nobody has responded. */
export function needsAlert(record: CaseRecord): boolean {
  return record.priority === 'critical' && isOpenStatus(record.status) && !record.firstResponseAt;
}

/** Alerts due to be shown at `now`: never shown, or last shown `repeatMinutes` ago or more. */
export function dueAlerts(
  alerts: Record<string, ActiveAlert>,
  now: number,
  repeatMinutes: number,
): ActiveAlert[] {
  return Object.values(alerts).filter(
    (a) => a.lastShownAt === null || now - a.lastShownAt >= repeatMinutes * 60_000,
  );
}

/**
 * A new entry in the alert list. A case this device has notified about before (in an earlier
 * session, or before the list was reset) counts as shown now: it stays on screen, and is not
 * sent again at once; it reminds after `repeatMinutes` like any unacknowledged alert.
 */
function newAlert(record: CaseRecord, now: number, notified: NotifiedLog): ActiveAlert {
  return {
    record,
    raisedAt: now,
    lastShownAt: notified.lastNotifiedAt(record.id) === null ? null : now,
  };
}

export const useCriticalAlertStore = create<CriticalAlertState>((set) => ({
  alerts: {},
  notified: deviceNotifiedLog(),
  raise: (record, now) =>
    set((s) => {
      if (!needsAlert(record)) return s;
      const existing = s.alerts[record.id];
      return {
        alerts: {
          ...s.alerts,
          [record.id]: existing ? { ...existing, record } : newAlert(record, now, s.notified),
        },
      };
    }),
  reconcile: (criticalCases, now) =>
    set((s) => {
      const alerts = { ...s.alerts };
      const byId = new Map(criticalCases.map((c) => [c.id, c]));
      for (const id of Object.keys(alerts)) {
        const local = byId.get(id);
        // A live event can be newer than the local store (the pull follows): only a local
        // record at least as new as the alert's may end it.
        if (local && local.version >= alerts[id]!.record.version && !needsAlert(local)) {
          delete alerts[id];
        }
      }
      for (const c of criticalCases) {
        if (!needsAlert(c)) continue;
        alerts[c.id] = alerts[c.id]
          ? { ...alerts[c.id]!, record: c }
          : newAlert(c, now, s.notified);
      }
      return { alerts };
    }),
  markShown: (caseIds, now) =>
    set((s) => {
      s.notified.record(caseIds, now);
      const alerts = { ...s.alerts };
      for (const id of caseIds) {
        const a = alerts[id];
        if (a) alerts[id] = { ...a, lastShownAt: now };
      }
      return { alerts };
    }),
  dismiss: (caseId) =>
    set((s) => {
      const { [caseId]: _gone, ...rest } = s.alerts;
      return { alerts: rest };
    }),
  reset: () => set({ alerts: {} }),
}));
