import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../core/case/index';
import { dueAlerts, needsAlert, useCriticalAlertStore } from './critical-alert-store';

const base = {
  id: '7b0d4f7e-4a8e-4c57-9a55-0a7f3f0e7a01',
  priority: 'critical',
  status: 'new',
  firstResponseAt: null,
  version: 5,
} as unknown as CaseRecord;
const store = () => useCriticalAlertStore.getState();

describe('critical alerts', () => {
  beforeEach(() => store().reset());

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
});
