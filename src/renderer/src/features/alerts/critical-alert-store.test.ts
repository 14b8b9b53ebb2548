import type { CaseRecord } from '@core/case/index';
import { beforeEach, describe, expect, it } from 'vitest';
import { dueAlerts, needsAlert, useCriticalAlertStore } from './critical-alert-store';
import { createNotifiedLog, type NotifiedStorage } from './notified-alerts';

/** localStorage of one device, shared by the sessions signed in on it. */
function deviceStorage(): NotifiedStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const base = {
  id: '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01',
  priority: 'critical',
  status: 'new',
  firstResponseAt: null,
  version: 5,
} as unknown as CaseRecord;
const store = () => useCriticalAlertStore.getState();

describe('critical alerts', () => {
  beforeEach(() => {
    store().reset();
    useCriticalAlertStore.setState({ notified: createNotifiedLog(deviceStorage()) });
  });

  it('alerts on open, unacknowledged critical cases only', () => {
    expect(needsAlert(base)).toBe(true);
    expect(needsAlert({ ...base, priority: 'high' })).toBe(false);
    expect(needsAlert({ ...base, status: 'resolved' })).toBe(false);
    expect(needsAlert({ ...base, firstResponseAt: '2026-11-24T10:00:00Z' })).toBe(false);
  });

  it('is due at once, then every repeatMinutes until acknowledged', () => {
    store().raise(base, 0);
    expect(dueAlerts(store().alerts, 0, 5)).toHaveLength(1);
    store().markShown([base.id], 0);
    expect(dueAlerts(store().alerts, 4 * 60_000, 5)).toHaveLength(0);
    expect(dueAlerts(store().alerts, 5 * 60_000, 5)).toHaveLength(1);
  });

  it('ends when the local store has the case acknowledged, not when its copy is older', () => {
    store().raise(base, 0);
    store().reconcile([{ ...base, priority: 'high', version: 4 }], 1);
    expect(Object.keys(store().alerts)).toEqual([base.id]); // older local copy: keep
    store().reconcile([{ ...base, firstResponseAt: '2026-11-24T10:00:00Z', version: 6 }], 2);
    expect(store().alerts).toEqual({});
  });

  it('picks up critical cases that arrive by a pull', () => {
    store().reconcile([base, { ...base, id: 'x', priority: 'low' }], 3);
    expect(Object.keys(store().alerts)).toEqual([base.id]);
  });

  const older = { ...base, id: '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a02' };
  const due = (now: number) => dueAlerts(store().alerts, now, 5).map((a) => a.record.id);

  it('a new critical case is notified alone, not with the older ones', () => {
    store().raise(older, 0);
    store().markShown(due(0), 0);
    store().raise(base, 60_000);
    expect(due(60_000)).toEqual([base.id]);
  });

  it('signing in again does not notify again what this device notified before', () => {
    const storage = deviceStorage();
    useCriticalAlertStore.setState({ notified: createNotifiedLog(storage) });
    store().reconcile([older], 0);
    store().markShown(due(0), 0);
    // Sign out and in again (an hour later): a fresh list and log on the same device.
    store().reset();
    useCriticalAlertStore.setState({ notified: createNotifiedLog(storage) });
    store().reconcile([older, base], 3_600_000);
    expect(due(3_600_000)).toEqual([base.id]);
    expect(Object.keys(store().alerts).sort()).toEqual([base.id, older.id].sort());
    // Still unacknowledged: it reminds after the repeat interval, like any alert.
    store().markShown(due(3_600_000), 3_600_000);
    expect(due(3_600_000 + 5 * 60_000).sort()).toEqual([base.id, older.id].sort());
  });

  it('another device has its own log', () => {
    store().reconcile([older], 0);
    store().markShown(due(0), 0);
    store().reset();
    useCriticalAlertStore.setState({ notified: createNotifiedLog(deviceStorage()) });
    store().reconcile([older], 1_000);
    expect(due(1_000)).toEqual([older.id]);
  });
});
